package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request the master cannot answer because of its own trouble (here, its database lost a table
 * behind its back) is a 500 logged once, with the request line and the cause.
 */
class InternalErrorLogTest {

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

    @Test
    void aFiveHundredIsLoggedOnceWithItsRequestLineAndCause() throws Exception {
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("m.sqlite"));
                Statement statement = sqlite.createStatement()) {
            statement.execute("DROP TABLE compute_node");
        }

        String answer = raw.exchange("GET /getComputerStatus?computer_id=COMP-1 HTTP/1.1\r\nHost: " + raw.host()
                + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 500");
        List<String> logged = captured.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.contains(" ERROR ") || l.contains(" WARN "))
                .toList();
        assertThat(logged)
                .as(captured.toString(StandardCharsets.UTF_8))
                .singleElement()
                .asString()
                .contains("500", "GET /getComputerStatus", "127.0.0.1", "no such table: compute_node");
    }
}
