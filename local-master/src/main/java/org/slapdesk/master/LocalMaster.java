package org.slapdesk.master;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLContext;
import org.slapdesk.master.http.ConnectionLimits;
import org.slapdesk.master.http.HostGuard;
import org.slapdesk.master.http.MasterServer;
import org.slapdesk.master.http.Router;
import org.slapdesk.master.store.Database;
import org.slapdesk.master.store.ServerLock;
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

    /** Default bound of a request body: a format of a few hundred partitions fits easily. */
    public static final int DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

    /** How many requests run their handler at once (each connection has its own reading thread). */
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
            int threads,
            List<String> publicNames,
            ConnectionLimits limits) {
        public Options {
            if (database == null || address == null) {
                throw new IllegalArgumentException("a database file and an address are required");
            }
            maxBodyBytes = maxBodyBytes <= 0 ? DEFAULT_MAX_BODY_BYTES : maxBodyBytes;
            threads = threads <= 0 ? DEFAULT_THREADS : threads;
            publicNames = publicNames == null ? List.of() : List.copyOf(publicNames);
            limits = limits == null ? ConnectionLimits.DEFAULTS : limits;
        }

        public Options(
                Path database,
                InetSocketAddress address,
                String defaultComputer,
                SSLContext tls,
                CertificateIssuer issuer,
                int maxBodyBytes,
                int threads) {
            this(database, address, defaultComputer, tls, issuer, maxBodyBytes, threads, List.of(), null);
        }

        /** The same, also serving these host names (the names clients use in master_url, such as --hostname). */
        public Options withPublicNames(List<String> names) {
            return new Options(database, address, defaultComputer, tls, issuer, maxBodyBytes, threads, names, limits);
        }

        /** The same with other connection limits (tests use short deadlines). */
        public Options withLimits(ConnectionLimits connectionLimits) {
            return new Options(
                    database,
                    address,
                    defaultComputer,
                    tls,
                    issuer,
                    maxBodyBytes,
                    threads,
                    publicNames,
                    connectionLimits);
        }

        public static Options loopback(Path database, int port) {
            return new Options(
                    database, new InetSocketAddress(InetAddress.getLoopbackAddress(), port), null, null, null, 0, 0);
        }
    }

    private final MasterServer server;
    private final Database database;
    private final ServerLock serverLock;
    private final MasterService service;
    private final URI url;
    private final LongAdder requests;

    private LocalMaster(
            MasterServer server,
            Database database,
            ServerLock serverLock,
            MasterService service,
            URI url,
            LongAdder requests) {
        this.server = server;
        this.requests = requests;
        this.database = database;
        this.serverLock = serverLock;
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
        ServerLock serverLock = ServerLock.acquire(options.database());
        Database database;
        try {
            database = Database.open(options.database());
        } catch (SQLException e) {
            serverLock.close();
            throw new IOException("cannot open the master database " + options.database() + ": " + e.getMessage(), e);
        }
        MasterServer server = null;
        try {
            MasterService service =
                    new MasterService(database, Clock.systemUTC(), options.defaultComputer(), options.issuer());
            server = MasterServer.bind(options.address(), options.tls());
            InetSocketAddress bound = server.address();
            String hostText = bound.getAddress().getHostAddress();
            if (hostText.contains(":")) {
                hostText = "[" + hostText.replaceAll("%.*$", "") + "]";
            }
            URI url = URI.create(
                    (options.tls() != null ? "https" : "http") + "://" + hostText + ":" + bound.getPort() + "/");
            Router router = new Router(
                    service,
                    options.maxBodyBytes(),
                    url.toString(),
                    HostGuard.forServer(bound, options.tls() != null, options.publicNames()));
            LongAdder requests = new LongAdder();
            server.serve(
                    exchange -> {
                        requests.increment();
                        router.handle(exchange);
                    },
                    options.maxBodyBytes(),
                    options.threads(),
                    options.limits());
            LOG.info("local master listening on {} with {}", url, options.database());
            return new LocalMaster(server, database, serverLock, service, url, requests);
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                server.close();
            }
            try {
                database.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            try {
                serverLock.close();
            } catch (IOException closing) {
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

    /** How many requests reached the master's router since it started (refused connections aside). */
    public long requestsServed() {
        return requests.sum();
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
        server.close();
        try {
            database.close();
        } catch (SQLException e) {
            LOG.warn("closing the master database: {}", e.getMessage());
        }
        try {
            serverLock.close();
        } catch (IOException e) {
            LOG.warn("releasing the master database's lock: {}", e.getMessage());
        }
    }
}
