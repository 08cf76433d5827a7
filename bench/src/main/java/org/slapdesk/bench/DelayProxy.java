package org.slapdesk.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loopback TCP proxy that hands each chunk on {@code delay} after it arrived, in both
 * directions, as a distant master would: latency without a bandwidth limit (chunks in flight
 * overlap), so a client that waits for each answer before the next call pays the delay per call
 * and a parallel or bulk client does not.
 */
final class DelayProxy implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(DelayProxy.class);
    private static final byte[] END = new byte[0];

    private final ServerSocket listening;
    private final InetSocketAddress target;
    private final long delayNanos;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "delay-proxy");
        thread.setDaemon(true);
        return thread;
    });

    private DelayProxy(ServerSocket listening, InetSocketAddress target, Duration delay) {
        this.listening = listening;
        this.target = target;
        this.delayNanos = delay.toNanos();
    }

    /** Listens on {@code listen} (port 0: any free port) and relays to {@code target}. */
    static DelayProxy start(InetSocketAddress listen, InetSocketAddress target, Duration delay) throws IOException {
        ServerSocket listening = new ServerSocket();
        listening.bind(listen, 128);
        DelayProxy proxy = new DelayProxy(listening, target, delay);
        proxy.threads.execute(proxy::accept);
        return proxy;
    }

    int port() {
        return listening.getLocalPort();
    }

    private void accept() {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket server = new Socket(target.getAddress(), target.getPort());
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                AtomicInteger directionsOpen = new AtomicInteger(2);
                Runnable oneDirectionDone = () -> {
                    if (directionsOpen.decrementAndGet() == 0) {
                        closeQuietly(client);
                        closeQuietly(server);
                    }
                };
                relay(client, server, oneDirectionDone);
                relay(server, client, oneDirectionDone);
            } catch (IOException e) {
                if (!listening.isClosed()) {
                    LOG.warn("delay proxy: a connection failed: {}", e.toString());
                }
            }
        }
    }

    /** One direction: a reader stamps each chunk as it arrives, a writer hands it on once it is due. */
    private void relay(Socket from, Socket to, Runnable done) {
        BlockingQueue<Chunk> due = new LinkedBlockingQueue<>();
        threads.execute(() -> read(from, due));
        threads.execute(() -> {
            write(due, to);
            done.run();
        });
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("delay proxy: close failed: {}", e.toString());
        }
    }

    private static void read(Socket from, BlockingQueue<Chunk> due) {
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream in = from.getInputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                due.add(new Chunk(System.nanoTime(), Arrays.copyOf(buffer, n)));
            }
        } catch (IOException e) {
            // the peer closed or reset: the write side ends the other socket
        }
        due.add(new Chunk(System.nanoTime(), END));
    }

    private void write(BlockingQueue<Chunk> due, Socket to) {
        try {
            OutputStream out = to.getOutputStream();
            for (Chunk chunk = due.take(); chunk.bytes() != END; chunk = due.take()) {
                long wait = chunk.arrivedNanos() + delayNanos - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                out.write(chunk.bytes());
                out.flush();
            }
            to.shutdownOutput();
        } catch (SocketException e) {
            // the other side is gone
        } catch (IOException e) {
            LOG.debug("delay proxy: write failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        listening.close();
        threads.shutdownNow();
    }

    private record Chunk(long arrivedNanos, byte[] bytes) {}
}
