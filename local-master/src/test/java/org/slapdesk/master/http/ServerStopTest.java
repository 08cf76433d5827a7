package org.slapdesk.master.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A request still in its handler when the server stops ends quietly: its connection thread must
 * not die on the stopped watchdog (a window closing while a refresh is answered).
 */
class ServerStopTest {

    @Test
    void aRequestAnsweredAfterTheServerStoppedEndsWithoutAnUncaughtException() throws Exception {
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
        try {
            MasterServer server = MasterServer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null);
            server.serve(
                    exchange -> {
                        inHandler.countDown();
                        try {
                            release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        exchange.sendResponseHeaders(204, -1);
                        exchange.close();
                    },
                    1024,
                    2,
                    ConnectionLimits.DEFAULTS);
            try (Socket client = new Socket(
                    InetAddress.getLoopbackAddress(), server.address().getPort())) {
                OutputStream out = client.getOutputStream();
                out.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(inHandler.await(10, TimeUnit.SECONDS)).isTrue();

                server.close();
                release.countDown();

                Thread.sleep(500); // the connection thread answers, or fails to, meanwhile
            }
        } finally {
            release.countDown();
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        assertThat(uncaught).isEmpty();
    }
}
