package org.slapdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DelayProxyTest {

    @Test
    void eachWayIsDelayedAndTheBytesArriveUnchanged() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            Thread echoing = new Thread(() -> echoOnce(echo));
            echoing.setDaemon(true);
            echoing.start();
            try (DelayProxy proxy = DelayProxy.start(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), echo.getLocalPort()),
                            Duration.ofMillis(50));
                    Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                byte[] sent = "a call and its answer".getBytes(StandardCharsets.UTF_8);
                long start = System.nanoTime();
                client.getOutputStream().write(sent);
                byte[] received = new byte[sent.length];
                new DataInputStream(client.getInputStream()).readFully(received);
                long millis = (System.nanoTime() - start) / 1_000_000;

                assertThat(received).isEqualTo(sent);
                assertThat(millis).as("round trip through the proxy (ms)").isGreaterThanOrEqualTo(100);
            }
        }
    }

    @Test
    void chunksInFlightOverlapSoTheDelayIsNotPaidPerChunk() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            Thread echoing = new Thread(() -> echoOnce(echo));
            echoing.setDaemon(true);
            echoing.start();
            try (DelayProxy proxy = DelayProxy.start(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), echo.getLocalPort()),
                            Duration.ofMillis(50));
                    Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                long start = System.nanoTime();
                for (int i = 0; i < 20; i++) {
                    client.getOutputStream().write('x');
                    client.getOutputStream().flush();
                    Thread.sleep(5);
                }
                new DataInputStream(client.getInputStream()).readFully(new byte[20]);
                long millis = (System.nanoTime() - start) / 1_000_000;

                assertThat(millis).as("20 chunks sent 5 ms apart, echoed (ms)").isLessThan(20 * 50);
            }
        }
    }

    private static void echoOnce(ServerSocket echo) {
        try (Socket peer = echo.accept()) {
            InputStream in = peer.getInputStream();
            OutputStream out = peer.getOutputStream();
            byte[] buffer = new byte[1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (Exception e) {
            // the test's client closed
        }
    }
}
