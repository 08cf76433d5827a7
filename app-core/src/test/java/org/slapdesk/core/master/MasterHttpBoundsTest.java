package org.slapdesk.core.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The client stops at its limits: body size (closing the connection at once) and time for the whole exchange. */
class MasterHttpBoundsTest {

    private static final byte[] BLOCK = new byte[64 * 1024];

    static {
        Arrays.fill(BLOCK, (byte) 'x');
    }

    /** Reads the request head, so that the answer is not a reset. */
    private static void readHead(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    private static MasterHttp open(RawServer server, Duration timeout) throws MasterException {
        return MasterHttp.open(
                MasterProfile.plain("raw", server.url().toString()),
                ClientOptions.defaults().withTimeouts(timeout, timeout));
    }

    @Test
    void anOversizedBodyIsNotDownloadedToItsEnd() throws Exception {
        long declared = 200L * 1024 * 1024;
        AtomicLong sent = new AtomicLong();
        try (RawServer server = new RawServer(socket -> {
                    readHead(socket);
                    OutputStream out = socket.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: " + declared + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    while (sent.get() < declared) {
                        out.write(BLOCK);
                        sent.addAndGet(BLOCK.length);
                    }
                });
                MasterHttp http = open(server, Duration.ofSeconds(30))) {
            assertThatThrownBy(() -> http.get("big", server.url().resolve("big"), Map.of(), Map.of()))
                    .isInstanceOf(MasterException.BadResponse.class)
                    .hasMessageContaining("larger than 32 MiB");
            Thread.sleep(500); // what the server still manages to send after the refusal
            assertThat(sent.get()).isLessThan(96L * 1024 * 1024);
        }
    }

    @Test
    void anEndlessChunkedStreamEndsTheCall() throws Exception {
        byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try (RawServer server = new RawServer(socket -> {
                    readHead(socket);
                    OutputStream out = socket.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    while (true) {
                        out.write(chunk);
                    }
                });
                MasterHttp http = open(server, Duration.ofSeconds(60))) {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(
                            () -> http.get("endless", server.url().resolve("endless"), Map.of(), Map.of()))
                    .isInstanceOf(MasterException.BadResponse.class)
                    .hasMessageContaining("larger than"));
        }
    }

    @Test
    void theTimeoutBoundsTheWholeExchangeNotJustIdleTime() throws Exception {
        try (RawServer server = new RawServer(socket -> {
                    readHead(socket);
                    OutputStream out = socket.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 100; i++) {
                        out.write('x');
                        out.flush();
                        Thread.sleep(200); // never idle for the whole timeout
                    }
                });
                MasterHttp http = open(server, Duration.ofSeconds(1))) {
            long begin = System.nanoTime();
            assertThatThrownBy(() -> http.get("drip", server.url().resolve("drip"), Map.of(), Map.of()))
                    .isInstanceOf(MasterException.Unreachable.class)
                    .hasMessageContaining("did not answer within 1 s")
                    .hasMessageContaining("whole exchange");
            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(4));
        }
    }
}
