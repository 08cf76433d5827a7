package org.slapdesk.core.master;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.net.URIBuilder;
import org.apache.hc.core5.util.Timeout;
import org.slapdesk.core.master.MasterException.AuthenticationFailed.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP transport shared by the three dialects: query-string GETs, form POSTs and JSON
 * POSTs, the client certificate on https, the server certificate always verified, timeouts,
 * and every network failure turned into a typed {@link MasterException}. Status codes are
 * mapped by {@link #requireSuccess}; the dialects decide what a body means.
 */
public final class MasterHttp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MasterHttp.class);
    /** Bodies above this are refused rather than read into memory. */
    static final int MAX_BODY = 32 * 1024 * 1024;

    private final CloseableHttpClient client;
    private final ClientOptions options;
    /** Cancels an exchange that outlives the timeout as a whole (a server dripping bytes never idles). */
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "master-http-deadline");
        t.setDaemon(true);
        return t;
    });

    private MasterHttp(CloseableHttpClient client, ClientOptions options) {
        this.client = client;
        this.options = options;
    }

    /**
     * Opens a transport for the profile. The certificate material is read and checked here,
     * before any connection is made.
     */
    public static MasterHttp open(MasterProfile profile, ClientOptions options) throws MasterException {
        TlsMaterial tls = TlsMaterial.load(profile, options.passphrases(), options.clock());
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .setSocketTimeout(Timeout.of(options.responseTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .build();
        CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(new LazyTlsStrategy(tls))
                        .setDefaultConnectionConfig(connection)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(options.responseTimeout().toMillis(), TimeUnit.MILLISECONDS))
                        .build())
                .setUserAgent(options.userAgent())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
        return new MasterHttp(client, options);
    }

    public ClientOptions options() {
        return options;
    }

    /** GET with query parameters. */
    public HttpAnswer get(String endpoint, URI uri, Map<String, String> query, Map<String, String> headers)
            throws MasterException {
        URI target;
        try {
            URIBuilder builder = new URIBuilder(uri, StandardCharsets.UTF_8);
            query.forEach(builder::addParameter);
            target = builder.build();
        } catch (URISyntaxException e) {
            throw new MasterException.InvalidRequest(
                    endpoint, "Cannot build the URL for " + endpoint + ": " + e.getMessage());
        }
        HttpGet get = new HttpGet(target);
        headers.forEach(get::addHeader);
        return execute(endpoint, get);
    }

    /** POST of a form body ({@code application/x-www-form-urlencoded}, UTF-8). */
    public HttpAnswer postForm(String endpoint, URI uri, Map<String, String> form) throws MasterException {
        List<NameValuePair> pairs = new ArrayList<>();
        form.forEach((k, v) -> pairs.add(new BasicNameValuePair(k, v == null ? "None" : v)));
        HttpPost post = new HttpPost(uri);
        post.setEntity(new UrlEncodedFormEntity(pairs, StandardCharsets.UTF_8));
        return execute(endpoint, post);
    }

    /** POST of a JSON body. */
    public HttpAnswer postJson(String endpoint, URI uri, byte[] json) throws MasterException {
        HttpPost post = new HttpPost(uri);
        post.addHeader("Accept", "application/json");
        post.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
        return execute(endpoint, post);
    }

    private HttpAnswer execute(String endpoint, HttpUriRequestBase request) throws MasterException {
        if (request.getFirstHeader("Accept") == null) {
            request.addHeader("Accept", "*/*");
        }
        String where = describe(endpoint, request);
        LOG.debug("{} {}", request.getMethod(), where);
        AtomicBoolean expired = new AtomicBoolean();
        long limit = options.responseTimeout().toMillis();
        ScheduledFuture<?> deadline = deadlines.schedule(
                () -> {
                    expired.set(true);
                    request.cancel();
                },
                limit,
                TimeUnit.MILLISECONDS);
        try {
            return client.execute(request, response -> {
                HttpEntity entity = response.getEntity();
                byte[] body = entity == null ? new byte[0] : readLimited(entity, request);
                Header type = response.getFirstHeader("Content-Type");
                return new HttpAnswer(where, response.getCode(), type == null ? "" : type.getValue(), body);
            });
        } catch (IOException e) {
            if (expired.get() && !(e instanceof BodyTooLarge)) {
                throw new MasterException.Unreachable(
                        where,
                        where + " did not answer within " + seconds(limit)
                                + ", the limit for the whole exchange (connect, send and read): the master may be"
                                + " overloaded, hanging, or sending very slowly.",
                        e);
            }
            throw translate(where, e);
        } finally {
            deadline.cancel(false);
        }
    }

    /** The URL without its query: what messages name as the endpoint. */
    private static String describe(String endpoint, ClassicHttpRequest request) {
        try {
            URI uri = request.getUri();
            return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
        } catch (URISyntaxException e) {
            return endpoint;
        }
    }

    /**
     * Reads the body up to {@link #MAX_BODY}. Past it the exchange is cancelled first, which
     * closes the connection: closing the stream alone would read the rest of the body (to reuse
     * the connection), all 200 MiB of it, or forever for an endless chunked stream.
     */
    private static byte[] readLimited(HttpEntity entity, HttpUriRequestBase request) throws IOException {
        InputStream in = entity.getContent();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_BODY) {
                    request.cancel();
                    throw new BodyTooLarge();
                }
            }
            return out.toByteArray();
        } finally {
            closeQuietlyIfCancelled(in, request);
        }
    }

    private static void closeQuietlyIfCancelled(InputStream in, HttpUriRequestBase request) throws IOException {
        try {
            in.close();
        } catch (IOException e) {
            if (!request.isCancelled()) {
                throw e;
            }
        }
    }

    private static final class BodyTooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Turns a transport failure into the exception a user can act on. */
    MasterException translate(String where, IOException e) {
        if (e instanceof BodyTooLarge) {
            return new MasterException.BadResponse(
                    where,
                    "The answer of " + where + " is larger than " + MAX_BODY / (1024 * 1024)
                            + " MiB, which no master sends: refused.",
                    e);
        }
        if (e instanceof ConnectionClosedException || e instanceof MalformedChunkCodingException) {
            return new MasterException.BadResponse(
                    where,
                    "The answer of " + where
                            + " was cut short (truncated body): the master or a proxy closed the connection early.",
                    e);
        }
        if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
            return new MasterException.Unreachable(where, "The call to " + where + " was interrupted (cancelled).", e);
        }
        if (e instanceof ConnectTimeoutException) {
            return new MasterException.Unreachable(
                    where,
                    "Could not connect to " + where + " within "
                            + seconds(options.connectTimeout().toMillis()) + ": check the URL and the network.",
                    e);
        }
        if (e instanceof SocketTimeoutException
                || e instanceof InterruptedIOException && !(e instanceof SSLException)) {
            return new MasterException.Unreachable(
                    where,
                    where + " did not answer within "
                            + seconds(options.responseTimeout().toMillis())
                            + " (it sent nothing for that long): the master may be overloaded or hanging.",
                    e);
        }
        if (e instanceof UnknownHostException) {
            return new MasterException.Unreachable(
                    where, "The host name of " + where + " is unknown: check the master URL.", e);
        }
        if (e instanceof HttpHostConnectException
                || e instanceof ConnectException
                || e instanceof NoRouteToHostException) {
            return new MasterException.Unreachable(
                    where,
                    "Could not connect to " + where + ": nothing answers at that address"
                            + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")") + ".",
                    e);
        }
        if (e instanceof SSLException ssl) {
            return translateTls(where, ssl);
        }
        if (e.getCause() instanceof SSLException ssl) {
            return translateTls(where, ssl);
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        boolean closed = e instanceof NoHttpResponseException
                || message.contains("connection reset")
                || message.contains("broken pipe");
        if (closed && where.contains("https://")) {
            // TLS 1.3 servers refuse a client certificate after the handshake, often by just closing
            return new MasterException.AuthenticationFailed(
                    where,
                    Reason.REFUSED,
                    "The master at " + where
                            + " closed the TLS connection (" + e.getMessage()
                            + "): it most likely does not accept our client"
                            + " certificate, or needs one and none is configured.",
                    e);
        }
        if (closed) {
            return new MasterException.Unreachable(
                    where,
                    "The master at " + where + " closed the connection without answering (" + e.getMessage() + ").",
                    e);
        }
        return new MasterException.Unreachable(
                where, "Could not talk to " + where + ": " + SchemaFailures.describe(e) + ".", e);
    }

    private static MasterException translateTls(String where, SSLException e) {
        if (hasCause(e, CertificateExpiredException.class)) {
            return new MasterException.AuthenticationFailed(
                    where,
                    Reason.SERVER_UNTRUSTED,
                    "The server certificate of " + where + " has expired: the connection was refused.",
                    e);
        }
        if (hasCause(e, CertificateNotYetValidException.class)) {
            return new MasterException.AuthenticationFailed(
                    where,
                    Reason.SERVER_UNTRUSTED,
                    "The server certificate of " + where
                            + " is not valid yet: the connection was refused (check this computer's clock).",
                    e);
        }
        if (e instanceof SSLPeerUnverifiedException || isHostNameMismatch(e)) {
            return new MasterException.AuthenticationFailed(
                    where,
                    Reason.SERVER_UNTRUSTED,
                    "The server certificate of " + where + " is for another host name: the connection was refused ("
                            + rootMessage(e) + ").",
                    e);
        }
        if (hasCause(e, CertPathValidatorException.class)
                || hasCause(e, CertificateException.class)
                || String.valueOf(rootMessage(e)).contains("PKIX")) {
            return new MasterException.AuthenticationFailed(
                    where,
                    Reason.SERVER_UNTRUSTED,
                    "The server certificate of "
                            + where + " is not trusted: it is not signed by the pinned CA or a CA this system trusts."
                            + " Pin the master's CA in the profile if it uses its own.",
                    e);
        }
        String message = String.valueOf(e.getMessage());
        if (e instanceof SSLHandshakeException || message.contains("alert")) {
            return new MasterException.AuthenticationFailed(
                    where,
                    Reason.REFUSED,
                    "The master at " + where
                            + " refused the TLS connection (" + message
                            + "): it does not accept our client certificate,"
                            + " or it needs one and none is configured.",
                    e);
        }
        return new MasterException.AuthenticationFailed(
                where, Reason.REFUSED, "The TLS connection to " + where + " failed: " + message, e);
    }

    /**
     * The JDK's host name check fails with a CertificateException like a broken chain does, so
     * only its message tells them apart: "No name matching HOST found", "No subject alternative
     * (DNS) names matching …", or HttpClient's "… doesn't match any of the subject alternative names".
     */
    private static boolean isHostNameMismatch(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("No name matching")
                    || message.contains("subject alternative")
                    || message.contains("doesn't match")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /**
     * The status mapping every dialect shares (docs/protocol.md, "Status codes"): 2xx passes; 404 NotFound,
     * 408 NotReady, 429/503 Busy, 401/403 AuthenticationFailed, 400/422 InvalidRequest, anything
     * else BadResponse.
     */
    public static void requireSuccess(HttpAnswer answer, String what) throws MasterException {
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return;
        }
        String where = answer.endpoint();
        String detail = answer.body().length == 0 || answer.looksLikeHtml() ? "" : " (" + answer.excerpt() + ")";
        switch (status) {
            case 404 ->
                throw new MasterException.NotFound(
                        where,
                        "The master answered 'not found' for " + what + " (HTTP 404 from " + where + ")" + detail
                                + ".");
            case 408 ->
                throw new MasterException.NotReady(
                        where,
                        "The master is not ready yet for " + what + " (HTTP 408 from " + where
                                + "): the instance waits for a partition; try again later.");
            case 429, 503 ->
                throw new MasterException.Busy(
                        where, "The master is busy (HTTP " + status + " from " + where + "); try again in a moment.");
            case 401, 403 ->
                throw new MasterException.AuthenticationFailed(
                        where,
                        Reason.REFUSED,
                        "The master refused "
                                + what + " (HTTP " + status + " from " + where
                                + "): the certificate is not allowed to do this"
                                + detail + ".",
                        null);
            case 400, 422 ->
                throw new MasterException.InvalidRequest(
                        where,
                        "The master rejected " + what + " as invalid (HTTP " + status + " from " + where + ")" + detail
                                + ".");
            default ->
                throw new MasterException.BadResponse(
                        where,
                        "The master failed on " + what + " (HTTP " + status + " from " + where + ")" + detail + ".",
                        null);
        }
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        client.close(CloseMode.GRACEFUL);
    }
}
