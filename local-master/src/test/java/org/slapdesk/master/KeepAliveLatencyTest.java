package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests on one kept-alive connection are not held back by Nagle's algorithm: with it on, each
 * answer after the first waits for the client's delayed ACK (~40 ms).
 */
class KeepAliveLatencyTest {

    private static final int REQUESTS = 50;

    @TempDir
    Path dir;

    @Test
    void fiftySequentialRequestsOnOneConnectionTakeWellUnderASecond() throws Exception {
        try (LocalMaster master = LocalMaster.start(
                dir.resolve("m.sqlite"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            MasterHttp http = new MasterHttp(master.url());
            assertThat(http.format("COMP-1", 4).statusCode()).isEqualTo(200);
            for (int i = 0; i < 5; i++) {
                read(http); // warm the JIT and open the connection
            }
            long start = System.nanoTime();
            for (int i = 0; i < REQUESTS; i++) {
                read(http);
            }
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(elapsedMs)
                    .as("%d sequential keep-alive requests (%d ms)", REQUESTS, elapsedMs)
                    .isLessThan(1000);
        }
    }

    private static void read(MasterHttp http) throws Exception {
        HttpResponse<String> answer = http.get("getComputerStatus", MasterHttp.form("computer_id", "COMP-1"));
        assertThat(answer.statusCode()).isEqualTo(200);
    }
}
