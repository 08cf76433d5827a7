package org.slapdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.master.LocalMaster;
import org.slapdesk.master.RequestError;
import org.slapdesk.master.tls.CertificateAuthority;

/** {@code slapdesk serve token}: while the master runs on the same file, its tokens pay once. */
class ServeTokenCommandTest {

    @TempDir
    Path dir;

    CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void tokensMadeWhileTheMasterRunsRegisterOneNodeEach() throws Exception {
        Path db = dir.resolve("master.sqlite");
        CertificateAuthority ca = CertificateAuthority.init(dir.resolve("ca"), "cli test CA");
        try (LocalMaster master = LocalMaster.start(new LocalMaster.Options(
                db,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                null,
                ca.serverContext(List.of("127.0.0.1")),
                ca,
                0,
                0))) {
            CliRun node = run("serve", "token", "--db", db.toString(), "--master-url", "https://[fd00:5a:1::1]:8443");
            assertThat(node.exit()).as(node.err()).isZero();
            String token = node.out().lines().findFirst().orElseThrow();
            assertThat(token).matches("[A-Za-z0-9_-]{32}");
            assertThat(node.out())
                    .contains("Single use, valid until ")
                    .contains(
                            "slapos node register NODE-NAME --token " + token
                                    + " --master-url https://[fd00:5a:1::1]:8443/ --master-url-web https://[fd00:5a:1::1]:8443 ")
                    .contains("slapos node format --now");

            assertThat(master.service()
                            .registrations()
                            .registerNode(token, "laptop")
                            .reference())
                    .isEqualTo("COMP-1");
            assertThatThrownBy(() -> master.service().registrations().registerNode(token, "again"))
                    .isInstanceOf(RequestError.class)
                    .hasMessageContaining("already used");

            CliRun user = run("serve", "token", "--db", db.toString(), "--user", "alice", "--valid", "10m");
            assertThat(user.exit()).as(user.err()).isZero();
            String userToken = user.out().lines().findFirst().orElseThrow();
            assertThat(user.out()).contains("slapos configure client --token " + userToken);
            assertThatThrownBy(() -> master.service().registrations().registerNode(userToken, "x"))
                    .isInstanceOf(RequestError.class)
                    .hasMessageContaining("user certificate");
            assertThat(master.service()
                            .registrations()
                            .userCertificate(userToken)
                            .certificatePem())
                    .startsWith("-----BEGIN CERTIFICATE-----");

            String file = new String(Files.readAllBytes(db), StandardCharsets.ISO_8859_1)
                    + new String(Files.readAllBytes(dir.resolve("master.sqlite-wal")), StandardCharsets.ISO_8859_1);
            assertThat(file).doesNotContain(token).doesNotContain(userToken);
        }
    }

    @Test
    void badInputIsRefused() {
        Path db = dir.resolve("missing.sqlite");
        assertThat(run("serve", "token", "--db", db.toString()).err()).contains("there is no master database at");
        assertThat(db).doesNotExist();
        CliRun valid = run("serve", "token", "--db", db.toString(), "--valid", "tomorrow");
        assertThat(valid.exit()).isEqualTo(2);
        assertThat(valid.err()).contains("--valid tomorrow is not a duration");
        CliRun user = run("serve", "token", "--db", db.toString(), "--user", "bob; rm -rf /");
        assertThat(user.exit()).isEqualTo(2);
        assertThat(user.err()).contains("not a valid user name");
    }

    @Test
    void serveHelpShowsTheWholeRegistrationFlow() {
        CliRun help = run("serve", "--help");
        assertThat(help.out())
                .contains("slapdesk serve ca init")
                .contains("slapdesk serve token --db master.sqlite")
                .contains("slapos node register NODE-NAME --token TOKEN")
                .contains("slapdesk node register NODE-NAME --host NODE")
                .contains("slapos node format --now")
                .contains("slapos configure client --token TOKEN");
    }
}
