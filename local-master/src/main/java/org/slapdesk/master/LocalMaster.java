package org.slapdesk.master;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.slapdesk.master.http.Router;
import org.slapdesk.master.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded SlapOS master: one SQLite file behind the JDK's HTTP server. The GUI starts it
 * on loopback; {@code slapdesk serve} runs it alone.
 *
 * <pre>
 * try (LocalMaster master = LocalMaster.start(dbFile, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
 *     URI url = master.url();   // master_url (and url() + "hateoas/" is master_rest_url)
 * }
 * </pre>
 */
public final class LocalMaster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalMaster.class);

    static {
        // The JDK server reads this once per JVM, when its first server is built, so it is set
        // before any can be: without it every request after the first on a kept-alive connection
        // waits ~40 ms (Nagle against the client's delayed ACK).
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    /** Default bound of a request body: a format of a few hundred partitions fits easily. */
    public static final int DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

    public static final int DEFAULT_THREADS = 64;

    /**
     * How to run: {@code tls} null means plain HTTP, allowed on loopback only; with TLS every
     * client must present a certificate our CA signed, except on the two token-paid endpoints
     * that hand certificates out ({@code issuer}: the CA that signs them).
     */
    public record Options(
            Path database,
            InetSocketAddress address,
            String defaultComputer,
            SSLContext tls,
            CertificateIssuer issuer,
            int maxBodyBytes,
            int threads) {
        public Options {
            if (database == null || address == null) {
                throw new IllegalArgumentException("a database file and an address are required");
            }
            maxBodyBytes = maxBodyBytes <= 0 ? DEFAULT_MAX_BODY_BYTES : maxBodyBytes;
            threads = threads <= 0 ? DEFAULT_THREADS : threads;
        }

        public static Options loopback(Path database, int port) {
            return new Options(
                    database, new InetSocketAddress(InetAddress.getLoopbackAddress(), port), null, null, null, 0, 0);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Database database;
    private final MasterService service;
    private final URI url;

    private LocalMaster(
            HttpServer server, ExecutorService executor, Database database, MasterService service, URI url) {
        this.server = server;
        this.executor = executor;
        this.database = database;
        this.service = service;
        this.url = url;
    }

    /** Starts on {@code address} (plain HTTP: it must be a loopback address) with the database {@code db}. */
    public static LocalMaster start(Path db, InetSocketAddress address) throws IOException {
        return start(new Options(db, address, null, null, null, 0, 0));
    }

    public static LocalMaster start(Options options) throws IOException {
        InetAddress host = options.address().getAddress();
        if (options.tls() == null && (host == null || !host.isLoopbackAddress())) {
            throw new IllegalArgumentException("listening on " + options.address()
                    + " needs client certificates: plain HTTP is for loopback only (use TLS with a CA)");
        }
        // The JDK server reads these once per JVM: a client that has not sent its whole request
        // within maxReqTime seconds is disconnected, so slow clients cannot hold worker threads.
        System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", "20");
        System.getProperties().putIfAbsent("sun.net.httpserver.maxRspTime", "60");
        Database database;
        try {
            database = Database.open(options.database());
        } catch (SQLException e) {
            throw new IOException("cannot open the master database " + options.database() + ": " + e.getMessage(), e);
        }
        ThreadPoolExecutor executor = null;
        try {
            MasterService service =
                    new MasterService(database, Clock.systemUTC(), options.defaultComputer(), options.issuer());
            HttpServer server;
            if (options.tls() != null) {
                HttpsServer https = HttpsServer.create(options.address(), 128);
                SSLContext context = options.tls();
                https.setHttpsConfigurator(new HttpsConfigurator(context) {
                    @Override
                    public void configure(HttpsParameters params) {
                        SSLParameters parameters = context.getDefaultSSLParameters();
                        // wanted, not needed: Person_requestComputer and Person_getCertificate
                        // take callers without one (a token pays); every other endpoint
                        // refuses them with a 403 (Caller)
                        parameters.setWantClientAuth(true);
                        params.setSSLParameters(parameters);
                    }
                });
                server = https;
            } else {
                server = HttpServer.create(options.address(), 128);
            }
            AtomicInteger count = new AtomicInteger();
            executor = new ThreadPoolExecutor(
                    options.threads(), options.threads(), 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "local-master-" + count.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            server.setExecutor(executor);
            InetSocketAddress bound = server.getAddress();
            String hostText = bound.getAddress().getHostAddress();
            if (hostText.contains(":")) {
                hostText = "[" + hostText.replaceAll("%.*$", "") + "]";
            }
            URI url = URI.create(
                    (options.tls() != null ? "https" : "http") + "://" + hostText + ":" + bound.getPort() + "/");
            server.createContext("/", new Router(service, options.maxBodyBytes(), url.toString()));
            server.start();
            LOG.info("local master listening on {} with {}", url, options.database());
            return new LocalMaster(server, executor, database, service, url);
        } catch (IOException | RuntimeException e) {
            if (executor != null) {
                executor.shutdownNow();
            }
            try {
                database.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** The master URL ({@code master_url}); its HATEOAS root ({@code master_rest_url}) is {@code url() + "hateoas/"}. */
    public URI url() {
        return url;
    }

    public URI hateoasUrl() {
        return url.resolve("hateoas/");
    }

    /** The master's operations, in process (the same as over HTTP, without authentication). */
    public MasterService service() {
        return service;
    }

    /** The master's listings and documents, in process. */
    public MasterQueries queries() {
        return service.queries();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            database.close();
        } catch (SQLException e) {
            LOG.warn("closing the master database: {}", e.getMessage());
        }
    }
}
