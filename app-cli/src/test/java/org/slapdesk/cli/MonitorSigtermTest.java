package org.slapdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.master.LocalMaster;

/** A real {@code slapdesk monitor} process serves metrics, then stops cleanly on SIGTERM. */
class MonitorSigtermTest {

    private static final Pattern SERVING = Pattern.compile("serving metrics on port (\\d+)");

    @Test
    void sigtermClosesTheMonitorThroughItsShutdownHook(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("monitor.log");
        try (LocalMaster local = LocalMaster.start(LocalMaster.Options.loopback(dir.resolve("master.sqlite"), 0))) {
            Process monitor = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            SlapdeskCommand.class.getName(),
                            "monitor",
                            "--master-url",
                            local.url().toString(),
                            "--rest-url",
                            local.hateoasUrl().toString(),
                            "--metrics-listen",
                            "127.0.0.1:0",
                            "--interval",
                            "1s")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile()) // a pipe would be closed by destroy() before the last lines
                    .start();
            try {
                int port = awaitPort(log);
                assertThat(port).as(Files.readString(log)).isPositive();
                String metrics = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                        .timeout(Duration.ofSeconds(5))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                assertThat(metrics).contains("slapdesk_refresh_failures_total");

                monitor.destroy(); // SIGTERM

                assertThat(monitor.waitFor(20, TimeUnit.SECONDS)).isTrue();
                List<String> output = Files.readAllLines(log);
                assertThat(monitor.exitValue()).as("killed by SIGTERM").isEqualTo(143);
                assertThat(output)
                        .as(String.join("\n", output))
                        .anySatisfy(l -> assertThat(l).contains("slapdesk monitor stopped"))
                        .noneSatisfy(l -> assertThat(l).contains("Exception"));
            } finally {
                monitor.destroyForcibly();
            }
        }
    }

    private static int awaitPort(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(log)) {
                Matcher serving = SERVING.matcher(line);
                if (serving.find()) {
                    return Integer.parseInt(serving.group(1));
                }
            }
            Thread.sleep(100);
        }
        return -1;
    }
}
