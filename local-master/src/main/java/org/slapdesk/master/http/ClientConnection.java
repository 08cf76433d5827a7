package org.slapdesk.master.http;

import com.sun.net.httpserver.Headers;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.slapdesk.master.RequestError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the requests of one client connection in turn, on its own thread: reads each head and
 * body within the time limits (408 past them), refuses oversized ones before reading them (and
 * before any {@code 100 Continue}), runs the handler with the body in memory, writes the answer.
 */
final class ClientConnection implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

    /** How much of a refused request is still read, so that the client sees the answer, not a reset. */
    private static final int LINGER_BYTES = 8 * 1024 * 1024;

    private static final long LINGER_MILLIS = 2_000;

    /** How long after a read deadline (which answers 408 or closes) a client that still holds the read is cut off. */
    private static final long GRACE_MILLIS = 1_000;

    private final Socket socket;
    private final ServerSettings settings;
    private final Runnable onClose;
    private SSLSession session;

    /** Why the watchdog closed this connection, when it did. */
    private volatile String cutOffReason;

    ClientConnection(Socket socket, ServerSettings settings, Runnable onClose) {
        this.socket = socket;
        this.settings = settings;
        this.onClose = onClose;
    }

    @Override
    public void run() {
        ConnectionLimits limits = settings.limits();
        try {
            if (socket instanceof SSLSocket tls) {
                handshake(tls, limits);
            }
            DeadlineInput deadline = new DeadlineInput(socket, socket.getInputStream());
            InputStream in = new BufferedInputStream(deadline);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            boolean open = true;
            while (open) {
                deadline.startPhase(limits.idleTimeout().toMillis());
                in.mark(1);
                int first = guarded(
                        limits.idleTimeout().toMillis() + GRACE_MILLIS,
                        "no request within " + seconds(limits.idleTimeout().toMillis()),
                        in::read);
                if (first < 0) {
                    return;
                }
                in.reset();
                open = serveOne(in, out, deadline);
            }
        } catch (IOException e) {
            if (cutOffReason != null) {
                settings.log().cutOff(clientAddress(), cutOffReason);
            } else if (e instanceof SocketTimeoutException) {
                LOG.debug("idle connection from {} closed", socket.getRemoteSocketAddress());
            } else {
                LOG.debug("connection from {} lost: {}", socket.getRemoteSocketAddress(), e.toString());
            }
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
            onClose.run();
        }
    }

    /**
     * The TLS handshake, within the head deadline as a whole: a socket timeout bounds each read
     * only, so a client sending a byte now and then would hold this thread for ever.
     */
    private void handshake(SSLSocket tls, ConnectionLimits limits) throws IOException {
        long millis = limits.headTimeout().toMillis();
        String reason = "TLS handshake not finished within " + seconds(millis);
        socket.setSoTimeout((int) millis);
        try {
            session = guarded(millis, reason, () -> {
                tls.startHandshake();
                return tls.getSession();
            });
        } catch (SocketTimeoutException silent) {
            cutOffReason = reason;
            throw silent;
        }
    }

    /** What a guarded read does. */
    private interface Read<T> {
        T run() throws IOException;
    }

    /** Runs {@code read}, closing the connection if it has not returned within {@code millis}. */
    private <T> T guarded(long millis, String reason, Read<T> read) throws IOException {
        Future<?> guard = cutOffAfter(millis, reason);
        try {
            return read.run();
        } finally {
            guard.cancel(false);
        }
    }

    /** Closes the connection once {@code millis} have passed, unless the returned guard is cancelled first. */
    private Future<?> cutOffAfter(long millis, String reason) throws IOException {
        return afterMillis(millis, () -> {
            cutOffReason = reason;
            abort();
        });
    }

    /** Runs {@code action} on the server's watchdog; an IOException once the server stops (it takes no more). */
    private Future<?> afterMillis(long millis, Runnable action) throws IOException {
        try {
            return settings.watchdog().schedule(action, millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            throw new IOException("the server is stopping", stopping);
        }
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** Serves one request; false when the connection must close after it. */
    private boolean serveOne(InputStream in, OutputStream out, DeadlineInput deadline) throws IOException {
        ConnectionLimits limits = settings.limits();
        deadline.startPhase(limits.headTimeout().toMillis());
        RequestHead head;
        try {
            // the deadline answers 408 in time; the guard, a little later, cuts off a TLS client
            // whose record arrives a byte at a time (one read of a record may wait several timeouts)
            head = guarded(
                    limits.headTimeout().toMillis() + GRACE_MILLIS,
                    "request head not received within "
                            + seconds(limits.headTimeout().toMillis()),
                    () -> RequestHead.read(in, limits));
        } catch (RequestError e) {
            refuse(in, out, null, e.status(), e.getMessage());
            return false;
        } catch (SocketTimeoutException e) {
            refuse(
                    in,
                    out,
                    null,
                    408,
                    "request head not received within " + limits.headTimeout().toSeconds() + " s");
            return false;
        }
        if (head == null) {
            return false;
        }
        byte[] body;
        URI uri;
        try {
            uri = target(head);
            long declared = RequestBody.declaredLength(head, settings.maxBodyBytes());
            String expect = head.headers().getFirst("Expect");
            if (expect != null) {
                if (!"100-continue".equals(expect.strip().toLowerCase(Locale.ROOT))) {
                    throw new RequestError(417, "unsupported Expect: " + expect);
                }
                if (declared != 0) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            }
            deadline.startPhase(limits.bodyTimeout().toMillis());
            body = RequestBody.read(in, declared, settings.maxBodyBytes());
        } catch (RequestError e) {
            refuse(in, out, head, e.status(), e.getMessage());
            return false;
        } catch (SocketTimeoutException e) {
            refuse(
                    in,
                    out,
                    head,
                    408,
                    "request body not received within " + limits.bodyTimeout().toSeconds() + " s");
            return false;
        }
        ServedExchange exchange = new ServedExchange(
                head,
                uri,
                body,
                (InetSocketAddress) socket.getRemoteSocketAddress(),
                (InetSocketAddress) socket.getLocalSocketAddress(),
                session);
        handle(exchange);
        boolean keepAlive = head.keepAlive() && exchange.status() < 500;
        int status = exchange.status() < 0 ? 500 : exchange.status();
        byte[] answer = exchange.status() < 0
                ? "internal error in the local master (see its log)".getBytes(StandardCharsets.UTF_8)
                : exchange.answerBody();
        if ("HEAD".equals(head.method())) {
            answer = new byte[0];
        }
        write(out, status, exchange.getResponseHeaders(), answer, keepAlive);
        Object reason = exchange.getAttribute(Router.REFUSAL_REASON);
        if (status >= 500 && reason == null) {
            Object cause = exchange.getAttribute(Router.INTERNAL_ERROR);
            settings.log().failed(head, path(head), callerName(), status, cause instanceof Throwable t ? t : null);
        } else if (status >= 400) {
            settings.log().refused(head, path(head), callerName(), status, reason == null ? "" : reason.toString());
        }
        return keepAlive;
    }

    private void handle(ServedExchange exchange) throws IOException {
        try {
            settings.handlerPermits().acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the server is stopping", e);
        }
        try {
            settings.handler().handle(exchange);
        } catch (RuntimeException | IOException e) {
            // answered with a 500 and logged once, with the request line, by serveOne
            exchange.setAttribute(Router.INTERNAL_ERROR, e);
        } finally {
            settings.handlerPermits().release();
        }
    }

    private static URI target(RequestHead head) {
        if (!head.target().startsWith("/")) {
            throw RequestError.badRequest("the request target must be a path");
        }
        try {
            return new URI(head.target());
        } catch (URISyntaxException e) {
            throw RequestError.badRequest("malformed request target");
        }
    }

    private static String path(RequestHead head) {
        if (head == null) {
            return "-";
        }
        int query = head.target().indexOf('?');
        return query < 0 ? head.target() : head.target().substring(0, query);
    }

    private String clientAddress() {
        InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        return remote == null ? "?" : remote.getAddress().getHostAddress();
    }

    /** The client certificate's subject when there is one, else the client's address. */
    private String callerName() {
        if (session != null) {
            try {
                return ((X509Certificate) session.getPeerCertificates()[0])
                        .getSubjectX500Principal()
                        .getName();
            } catch (SSLPeerUnverifiedException e) {
                // no certificate: the address says who called
            }
        }
        InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        return remote == null ? "?" : remote.getAddress().getHostAddress();
    }

    /** Answers a request refused before its handler, then closes (after reading what the client still sends). */
    private void refuse(InputStream in, OutputStream out, RequestHead head, int status, String reason)
            throws IOException {
        settings.log().refused(head, path(head), callerName(), status, reason);
        write(out, status, null, reason.getBytes(StandardCharsets.UTF_8), false);
        if (!(socket instanceof SSLSocket)) {
            socket.shutdownOutput();
        }
        socket.setSoTimeout((int) LINGER_MILLIS);
        long until = System.nanoTime() + LINGER_MILLIS * 1_000_000L;
        byte[] buffer = new byte[8192];
        long left = LINGER_BYTES;
        try {
            int n;
            while (left > 0 && System.nanoTime() < until && (n = in.read(buffer)) >= 0) {
                left -= n;
            }
        } catch (IOException done) {
            // the client stopped sending or is gone
        }
    }

    private void write(OutputStream out, int status, Headers headers, byte[] body, boolean keepAlive)
            throws IOException {
        StringBuilder head = new StringBuilder();
        head.append("HTTP/1.1 ")
                .append(status)
                .append(' ')
                .append(StatusTexts.of(status))
                .append("\r\n");
        if (headers != null) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                String name = header.getKey().toLowerCase(Locale.ROOT);
                if (name.equals("content-length") || name.equals("transfer-encoding") || name.equals("connection")) {
                    continue;
                }
                for (String value : header.getValue()) {
                    head.append(header.getKey()).append(": ").append(value).append("\r\n");
                }
            }
            if (!headers.containsKey("Content-Type") && body.length > 0) {
                head.append("Content-Type: text/plain; charset=utf-8\r\n");
            }
        } else {
            head.append("Content-Type: text/plain; charset=utf-8\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n");
        if (!keepAlive) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        Future<?> guard = afterMillis(settings.limits().responseTimeout().toMillis(), this::abort);
        try {
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        } finally {
            guard.cancel(false);
        }
    }

    /** Cuts off a client that does not take its answer in time. */
    private void abort() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /** Closes this connection now (the server stops). */
    void close() {
        abort();
    }
}
