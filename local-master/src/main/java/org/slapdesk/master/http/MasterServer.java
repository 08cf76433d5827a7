package org.slapdesk.master.http;

import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's HTTP/1.1 server. Each connection has its own thread, so a client that stalls
 * holds only its own connection, and only until its head or body deadline; an address holds at
 * most {@link ConnectionLimits#connectionsPerAddress()} connections (more get a 503 and are
 * closed), everybody together {@link ConnectionLimits#connections()}. At most
 * {@code handlerThreads} requests run their handler at once. With TLS, a client certificate is
 * asked for but not required (the token-paid endpoints take callers without one).
 */
public final class MasterServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MasterServer.class);

    private final ServerSocket listener;
    private ServerSettings settings;
    private final Map<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final Set<ClientConnection> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threadCount = new AtomicInteger();
    private Thread acceptor;
    private volatile boolean closed;

    private MasterServer(ServerSocket listener) {
        this.listener = listener;
    }

    /** Binds {@code address} (TLS when {@code tls} is not null); {@link #serve} starts accepting. */
    public static MasterServer bind(InetSocketAddress address, SSLContext tls) throws IOException {
        ServerSocket listener;
        if (tls != null) {
            SSLServerSocket secure =
                    (SSLServerSocket) tls.getServerSocketFactory().createServerSocket();
            SSLParameters parameters = tls.getDefaultSSLParameters();
            parameters.setWantClientAuth(true);
            secure.setSSLParameters(parameters);
            listener = secure;
        } else {
            listener = new ServerSocket();
        }
        try {
            listener.setReuseAddress(true);
            listener.bind(address, 128);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        return new MasterServer(listener);
    }

    /** Starts accepting connections for {@code handler}. */
    public synchronized void serve(HttpHandler handler, int maxBodyBytes, int handlerThreads, ConnectionLimits limits) {
        if (acceptor != null) {
            throw new IllegalStateException("already serving");
        }
        ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "local-master-watchdog");
            t.setDaemon(true);
            return t;
        });
        // each request arms guards that are nearly always cancelled: drop them at once
        watchdog.setRemoveOnCancelPolicy(true);
        settings = new ServerSettings(
                handler, limits, maxBodyBytes, new Semaphore(handlerThreads), watchdog, new RefusalLog());
        acceptor = new Thread(this::acceptLoop, "local-master-accept-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
                // without it every answer after the first on a kept-alive connection waits ~40 ms
                // (Nagle against the client's delayed ACK)
                socket.setTcpNoDelay(true);
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("accepting a connection failed: {}", e.toString());
                    pause();
                }
                continue;
            }
            admit(socket);
        }
    }

    /** After a failed accept (out of file descriptors, say), so as not to spin. */
    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void admit(Socket socket) {
        InetAddress client = socket.getInetAddress();
        AtomicInteger fromClient = perAddress.computeIfAbsent(client, a -> new AtomicInteger());
        int mine = fromClient.incrementAndGet();
        int all = total.incrementAndGet();
        Runnable release = () -> {
            total.decrementAndGet();
            perAddress.computeIfPresent(client, (a, count) -> count.decrementAndGet() <= 0 ? null : count);
        };
        ConnectionLimits limits = settings.limits();
        if (mine > limits.connectionsPerAddress() || all > limits.connections()) {
            String reason = mine > limits.connectionsPerAddress()
                    ? "more than " + limits.connectionsPerAddress() + " connections from this address"
                    : "more than " + limits.connections() + " connections";
            settings.log().refusedConnection(client.getHostAddress(), reason);
            turnAway(socket, reason);
            release.run();
            return;
        }
        ClientConnection[] self = new ClientConnection[1];
        self[0] = new ClientConnection(socket, settings, () -> {
            open.remove(self[0]);
            release.run();
        });
        open.add(self[0]);
        Thread thread = new Thread(self[0], "local-master-" + threadCount.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    /** A short 503 on a plain socket (a TLS one is just closed: the handshake would cost a thread). */
    private static void turnAway(Socket socket, String reason) {
        try (socket) {
            if (!(socket instanceof SSLSocket)) {
                byte[] body = reason.getBytes(StandardCharsets.UTF_8);
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Type: text/plain;"
                                + " charset=utf-8\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            }
        } catch (IOException ignored) {
            // the client is gone
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            LOG.debug("closing the listener: {}", e.toString());
        }
        for (ClientConnection connection : open) {
            connection.close();
        }
        if (acceptor == null) {
            return;
        }
        settings.watchdog().shutdownNow();
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
