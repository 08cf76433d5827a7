package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each refused request leaves one log line that says who was refused and why, and never a token or a body. */
class RefusalLogTest {

    @TempDir
    Path dir;

    LocalMaster master;
    RawHttp raw;
    PrintStream standardError;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        master = LocalMaster.start(LocalMaster.Options.loopback(dir.resolve("m.sqlite"), 0));
        raw = new RawHttp(master.url());
        // the test logger (slf4j-simple) writes to whatever System.err is at the time
        standardError = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setErr(standardError);
        master.close();
    }

    private List<String> refusals() {
        return captured.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.contains("refused"))
                .toList();
    }

    @Test
    void aRefusedRequestIsOneLineWithoutItsTokenOrBody() throws Exception {
        String body = "title=BODY-SECRET-42";
        String answer = raw.exchange("POST /Person_requestComputer?secret_query=QUERY-SECRET HTTP/1.1\r\nHost: "
                + raw.host() + "\r\nX-Access-Token: TOKEN-SECRET-7\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
        String status = answer.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3);
        assertThat(status).isIn("403", "501");
        List<String> lines = refusals();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0))
                .contains("POST /Person_requestComputer", "127.0.0.1", ": " + status + " ")
                .doesNotContain("TOKEN-SECRET", "BODY-SECRET", "QUERY-SECRET");
    }

    @Test
    void aRefusalBeforeTheHandlerIsLoggedToo() throws Exception {
        String answer = raw.exchange("GET /getComputerStatus HTTP/1.1\r\nHost: " + raw.host() + "\r\nX-Big: "
                + "a".repeat(100_000) + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 431");
        assertThat(refusals()).singleElement().asString().contains("431", "127.0.0.1");
    }

    @Test
    void aJsonRpcRefusalIsLoggedWithItsReason() throws Exception {
        String body = "{\"title\": \"no-such-service\", \"secret\": \"BODY-SECRET\"}";
        String answer = raw.exchange("POST /slapos.get.v0.instance_tree HTTP/1.1\r\nHost: " + raw.host()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
        assertThat(answer).contains(" 4");
        assertThat(refusals())
                .singleElement()
                .asString()
                .contains("POST /slapos.get.v0.instance_tree", "no-such-service", "127.0.0.1")
                .doesNotContain("BODY-SECRET");
    }
}
