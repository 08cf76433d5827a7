package org.slapdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.master.LocalMaster;

/**
 * The program follows {@code $HOME} and {@code $XDG_DATA_HOME} as every Unix tool does (the JVM's
 * {@code user.home} comes from the password database instead), and {@code serve} on a busy port says
 * so in one line.
 */
class UserFoldersTest {

    @TempDir
    Path dir;

    @Test
    void serveCaInitWritesUnderHomeFromTheEnvironment() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        Result r = slapdesk(Map.of("HOME", home.toString()), "serve", "ca", "init");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(home.resolve(".local/share/slapdesk/master-ca")).isDirectory();
    }

    @Test
    void serveCaInitFollowsXdgDataHome() throws Exception {
        Path home = dir.resolve("home");
        Path data = dir.resolve("data");
        Files.createDirectories(home);
        Result r = slapdesk(Map.of("HOME", home.toString(), "XDG_DATA_HOME", data.toString()), "serve", "ca", "init");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(data.resolve("slapdesk/master-ca")).isDirectory();
        assertThat(home.resolve(".local")).doesNotExist();
    }

    @Test
    void serveOnABusyPortSaysSoInOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun r = CliRun.of(
                    "serve",
                    "--port",
                    String.valueOf(taken.getLocalPort()),
                    "--db",
                    dir.resolve("m.sqlite").toString());
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err().strip().lines()).hasSize(1);
            assertThat(r.err())
                    .contains("port " + taken.getLocalPort())
                    .contains("already in use")
                    .contains("--port 0")
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void aSecondServeOnTheSameDatabaseIsRefusedWhileTheFirstRuns() throws Exception {
        Path database = dir.resolve("m.sqlite");
        try (LocalMaster first = LocalMaster.start(LocalMaster.Options.loopback(database, 0))) {
            Result second = slapdesk(Map.of(), "serve", "--port", "0", "--db", database.toString());
            assertThat(second.exit()).as(second.output()).isEqualTo(1);
            assertThat(second.output().strip().lines()).hasSize(1);
            assertThat(second.output()).contains("already served by another Slapdesk");
            assertThat(first.queries()).isNotNull();
        }
    }

    private record Result(int exit, String output) {}

    private Result slapdesk(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SlapdeskCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("XDG_DATA_HOME");
        builder.environment().putAll(environment);
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output);
    }
}
