package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.master.CertificateIssuer.Role;
import org.slapdesk.master.http.ConnectionLimits;
import org.slapdesk.master.tls.CertificateAuthority;

/**
 * A client that opens a TLS connection and then says nothing, or sends its handshake one byte at
 * a time, is cut off once the head deadline has passed (with a log line saying so), and holds up
 * nobody else meanwhile.
 */
class TlsHandshakeDeadlineTest {

    private static final Duration HEAD = Duration.ofSeconds(1);

    /** The deadline, and time for the server's watchdog and this test's own reads. */
    private static final long CUT_OFF_MILLIS = HEAD.toMillis() + 2_000;

    @TempDir
    Path dir;

    CertificateAuthority ca;
    LocalMaster master;
    PrintStream standardError;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        ca = CertificateAuthority.init(dir.resolve("ca"), "test CA");
        master = LocalMaster.start(new LocalMaster.Options(
                        dir.resolve("m.sqlite"),
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                        null,
                        ca.serverContext(List.of("127.0.0.1", "localhost")),
                        ca,
                        0,
                        0)
                .withLimits(ConnectionLimits.DEFAULTS.withTimeouts(HEAD, HEAD)));
        // the test logger (slf4j-simple) writes to whatever System.err is at the time
        standardError = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setErr(standardError);
        if (master != null) {
            master.close();
        }
    }

    @Test
    void aSilentClientIsCutOffAndOthersAreServedMeanwhile() throws Exception {
        try (Socket silent = connect()) {
            long since = System.nanoTime();
            TlsClient alice = new TlsClient(master.url(), ca.clientContext(ca.issue(Role.USER, "alice")));
            assertThat(alice.get("getHateoasUrl").statusCode()).isEqualTo(200);

            assertThat(closedByServer(silent, new byte[0])).isTrue();
            assertThat(millisSince(since)).isLessThan(CUT_OFF_MILLIS);
        }
        assertThat(awaitCutOffLine()).contains("TLS handshake not finished within 1 s", "127.0.0.1");
    }

    @Test
    void aClientDrippingItsHandshakeIsCutOffAtTheDeadline() throws Exception {
        try (Socket dripping = connect()) {
            long since = System.nanoTime();
            // a TLS handshake record that announces 512 bytes, then the bytes one by one, each
            // well within the socket timeout of one read
            dripping.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00});
            assertThat(closedByServer(dripping, new byte[] {0})).isTrue();
            assertThat(millisSince(since)).isLessThan(CUT_OFF_MILLIS);
        }
        assertThat(awaitCutOffLine()).contains("TLS handshake not finished within 1 s", "127.0.0.1");
    }

    private Socket connect() throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), master.url().getPort());
    }

    /** Sends {@code drip} every 300 ms until the server closes the connection, at most 10 s. */
    private static boolean closedByServer(Socket socket, byte[] drip) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        socket.setSoTimeout(300);
        while (System.nanoTime() < until) {
            try {
                out.write(drip);
                out.flush();
                if (in.read() < 0) {
                    return true;
                }
            } catch (SocketTimeoutException stillOpen) {
                // the server still waits for the handshake
            } catch (IOException reset) {
                return true;
            }
        }
        return false;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** The server's line about cutting the client off (it logs once its thread sees the socket closed). */
    private String awaitCutOffLine() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < until) {
            List<String> lines = captured.toString(StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> l.contains("cut off"))
                    .toList();
            if (!lines.isEmpty()) {
                return String.join("\n", lines);
            }
            Thread.sleep(50);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
