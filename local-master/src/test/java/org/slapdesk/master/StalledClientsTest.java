package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.master.http.ConnectionLimits;

/** Stalled and dripping clients, with real sockets: they hold only their own connections, briefly. */
class StalledClientsTest {

    @TempDir
    Path dir;

    LocalMaster master;

    @AfterEach
    void stop() {
        if (master != null) {
            master.close();
        }
    }

    private LocalMaster start(ConnectionLimits limits) throws Exception {
        master = LocalMaster.start(
                LocalMaster.Options.loopback(dir.resolve("m.sqlite"), 0).withLimits(limits));
        return master;
    }

    @Test
    void fiveHundredStalledConnectionsDoNotDelayANormalRequest() throws Exception {
        // long deadlines: the stalled clients are still there when the normal request comes
        start(ConnectionLimits.DEFAULTS.withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60)));
        MasterHttp http = new MasterHttp(master.url());
        RawHttp raw = new RawHttp(master.url());
        assertThat(http.format("COMP-1", 1).statusCode()).isEqualTo(200);
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 500; i++) {
                // another machine, as the server sees it
                Socket s = raw.openFrom("127.0.0.2");
                OutputStream out = s.getOutputStream();
                String half = i % 2 == 0
                        ? "POST /supplySupply HTTP/1.1\r\nHost: " + raw.host() + "\r\nContent-Length: 500\r\n\r\nurl="
                        : "GET /getComputerStatus?computer_id=COMP-1 HTTP/1.1\r\nHost: " + raw.host() + "\r\nX-Slow: ";
                out.write(half.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                stalled.add(s);
            }
            Thread.sleep(300); // let the server take them all
            for (int round = 0; round < 5; round++) {
                long begin = System.nanoTime();
                HttpResponse<String> normal =
                        http.get("getFullComputerInformation", MasterHttp.form("computer_id", "COMP-1"));
                long millis = (System.nanoTime() - begin) / 1_000_000;
                assertThat(normal.statusCode()).isEqualTo(200);
                assertThat(millis)
                        .as("a normal request behind 500 stalled ones")
                        .isLessThan(1_000);
            }
            // beyond the per-address limit the stalled client is turned away at once
            Socket extra = raw.openFrom("127.0.0.2");
            extra.setSoTimeout(5_000);
            assertThat(RawHttp.readAll(extra.getInputStream())).startsWith("HTTP/1.1 503");
            extra.close();
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    @Test
    void aDrippingHeadIsCutOffAtTheHeadDeadline() throws Exception {
        start(ConnectionLimits.DEFAULTS.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)));
        RawHttp raw = new RawHttp(master.url());
        try (Socket s = raw.open()) {
            OutputStream out = s.getOutputStream();
            s.setSoTimeout(10_000);
            long begin = System.nanoTime();
            byte[] request = ("GET /getComputerStatus?computer_id=COMP-1 HTTP/1.1\r\nHost: " + raw.host()
                            + "\r\nX-Drip: " + "a".repeat(100))
                    .getBytes(StandardCharsets.US_ASCII);
            try {
                for (byte b : request) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(100); // each byte well within any idle timeout
                    if (s.getInputStream().available() > 0) {
                        break;
                    }
                }
            } catch (IOException cutOff) {
                // the server closed while we were still dripping
            }
            String answer = RawHttp.readAll(s.getInputStream());
            long millis = (System.nanoTime() - begin) / 1_000_000;
            assertThat(answer).startsWith("HTTP/1.1 408");
            assertThat(millis).isLessThan(4_000);
        }
    }
}
