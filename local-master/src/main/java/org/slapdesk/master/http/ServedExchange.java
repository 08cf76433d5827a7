package org.slapdesk.master.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpsExchange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLSession;

/**
 * One request as the handlers see it (the JDK's exchange API), with its body already read and
 * its answer collected in memory: the connection writes the answer after the handler returns,
 * so a client that reads slowly never holds a handler.
 */
final class ServedExchange extends HttpsExchange {

    private final RequestHead head;
    private final URI uri;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final SSLSession session;
    private final Headers responseHeaders = new Headers();
    private final Map<String, Object> attributes = new HashMap<>();
    private InputStream requestBody;
    private OutputStream responseBody;
    private final ByteArrayOutputStream answer = new ByteArrayOutputStream();
    private int status = -1;

    ServedExchange(
            RequestHead head,
            URI uri,
            byte[] body,
            InetSocketAddress remote,
            InetSocketAddress local,
            SSLSession session) {
        this.head = head;
        this.uri = uri;
        this.remote = remote;
        this.local = local;
        this.session = session;
        this.requestBody = new ByteArrayInputStream(body);
        this.responseBody = answer;
    }

    /** The status the handler sent, or -1 if it sent none. */
    int status() {
        return status;
    }

    byte[] answerBody() {
        return answer.toByteArray();
    }

    @Override
    public Headers getRequestHeaders() {
        return head.headers();
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return uri;
    }

    @Override
    public String getRequestMethod() {
        return head.method();
    }

    @Override
    public HttpContext getHttpContext() {
        return null;
    }

    @Override
    public void close() {
        // the connection sends the answer once the handler returns
    }

    @Override
    public InputStream getRequestBody() {
        return requestBody;
    }

    @Override
    public OutputStream getResponseBody() {
        return responseBody;
    }

    @Override
    public void sendResponseHeaders(int code, long length) throws IOException {
        if (status >= 0) {
            throw new IOException("the answer's headers were already sent");
        }
        status = code;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return remote;
    }

    @Override
    public int getResponseCode() {
        return status;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return local;
    }

    @Override
    public String getProtocol() {
        return head.version();
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void setStreams(InputStream in, OutputStream out) {
        if (in != null) {
            requestBody = in;
        }
        if (out != null) {
            responseBody = out;
        }
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }

    /** The TLS session, or null on plain HTTP. */
    @Override
    public SSLSession getSSLSession() {
        return session;
    }
}
