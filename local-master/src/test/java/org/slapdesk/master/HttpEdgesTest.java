package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.master.http.ConnectionLimits;

/** The edges of HTTP: methods, oversized heads, short bodies, Expect, and what the form fields may hold. */
class HttpEdgesTest {

    static final String SR = "https://lab.example/software/demo/software.cfg";

    @TempDir
    Path dir;

    LocalMaster master;
    RawHttp raw;

    @BeforeEach
    void start() throws Exception {
        master = LocalMaster.start(LocalMaster.Options.loopback(dir.resolve("m.sqlite"), 0)
                .withLimits(ConnectionLimits.DEFAULTS.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1))));
        raw = new RawHttp(master.url());
        assertThat(new MasterHttp(master.url()).format("COMP-1", 1).statusCode())
                .isEqualTo(200);
    }

    @AfterEach
    void stop() {
        master.close();
    }

    private String head(String method, String path) {
        return method + " " + path + " HTTP/1.1\r\nHost: " + raw.host() + "\r\n";
    }

    @Test
    void onlyGetHeadAndPostAreServed() throws Exception {
        for (String method : new String[] {"DELETE", "TRACE", "PUT", "OPTIONS"}) {
            String answer = raw.exchange(head(method, "/") + "Connection: close\r\n\r\n");
            assertThat(answer).as(method).startsWith("HTTP/1.1 405").contains("Allow: GET, HEAD");
        }
        assertThat(raw.exchange(head("DELETE", "/getComputerStatus?computer_id=COMP-1") + "Connection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 405");
        assertThat(raw.exchange(head("GET", "/") + "Connection: close\r\n\r\n")).startsWith("HTTP/1.1 200");
    }

    @Test
    void aOneMegabyteHeaderIs431() throws Exception {
        String answer =
                raw.exchange(head("GET", "/") + "X-Big: " + "a".repeat(1024 * 1024) + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 431");
    }

    @Test
    void tenThousandHeadersAre431() throws Exception {
        StringBuilder request = new StringBuilder(head("GET", "/"));
        for (int i = 0; i < 10_000; i++) {
            request.append("X-H").append(i).append(": v\r\n");
        }
        String answer = raw.exchange(request.append("Connection: close\r\n\r\n").toString());
        assertThat(answer).startsWith("HTTP/1.1 431");
    }

    @Test
    void aBodyShorterThanItsLengthIs408AtTheBodyDeadline() throws Exception {
        try (Socket s = raw.open()) {
            s.setSoTimeout(10_000);
            long begin = System.nanoTime();
            s.getOutputStream()
                    .write((head("POST", "/supplySupply") + "Content-Length: 100\r\n\r\nurl=short")
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = RawHttp.readAll(s.getInputStream());
            long millis = (System.nanoTime() - begin) / 1_000_000;
            assertThat(answer).startsWith("HTTP/1.1 408");
            assertThat(millis).isBetween(900L, 4_000L);
        }
    }

    @Test
    void anOversizedExpectContinueGets413WithoutContinue() throws Exception {
        try (Socket s = raw.open()) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write((head("POST", "/loadComputerConfigurationFromXML")
                            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 52428800\r\n"
                            + "Expect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String answer = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 413");
        }
    }

    @Test
    void aSmallExpectContinueGetsContinueThenItsAnswer() throws Exception {
        String body = "computer_id=COMP-1";
        try (Socket s = raw.open()) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write((head("POST", "/getComputerStatus") + "Content-Length: " + body.length()
                            + "\r\nContent-Type: application/x-www-form-urlencoded\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            assertThat(new String(in.readNBytes(25), StandardCharsets.US_ASCII))
                    .isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
            out.write(body.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 ");
        } catch (IOException e) {
            throw new AssertionError("the exchange failed", e);
        }
    }

    @Test
    void aReportOnAnUnknownReleaseIs404() throws Exception {
        String body = "url=" + SR + "&computer_id=COMP-1";
        String answer = raw.exchange(head("POST", "/availableSoftwareRelease")
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
        assertThat(answer).startsWith("HTTP/1.1 404");
    }

    @Test
    void aFormFieldThatIsNotUtf8Is400() throws Exception {
        String body = "url=https://lab.example/%C3%28.cfg&computer_id=COMP-1&state=available";
        String answer = raw.exchange(head("POST", "/supplySupply")
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
        assertThat(answer).startsWith("HTTP/1.1 400").contains("UTF-8");
        assertThat(master.queries().nodes("COMP-1").get(0).installations()).isEmpty();
    }
}
