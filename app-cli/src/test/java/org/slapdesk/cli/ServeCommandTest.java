package org.slapdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.master.CertificateIssuer.Role;
import org.slapdesk.master.tls.CertificateAuthority;

/** {@code slapdesk serve ca init / issue-node / issue-user} and the loopback-only rule. */
class ServeCommandTest {

    @TempDir
    Path dir;

    CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void caAndCertificates() throws Exception {
        Path ca = dir.resolve("ca");
        assertThat(run("serve", "ca", "init", "--ca", ca.toString()).exit()).isZero();
        assertThat(run("serve", "ca", "init", "--ca", ca.toString()).exit()).isEqualTo(1);
        CliRun node = run(
                "serve",
                "issue-node",
                "COMP-7",
                "--ca",
                ca.toString(),
                "--out",
                dir.toString(),
                "--master-url",
                "https://[fd00:5a:1::1]:8443");
        assertThat(node.exit()).as(node.err()).isZero();
        assertThat(node.out())
                .contains("master_url = https://[fd00:5a:1::1]:8443/")
                .contains("computer_id = COMP-7")
                .contains("cert_file = " + dir.resolve("COMP-7.crt"))
                .contains("key_file = " + dir.resolve("COMP-7.key"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("COMP-7.key"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("COMP-7.crt"))).startsWith("-----BEGIN CERTIFICATE-----");
        CliRun user = run("serve", "issue-user", "alice", "--ca", ca.toString(), "--out", dir.toString());
        assertThat(user.exit()).isZero();
        assertThat(user.out()).contains("[slapconsole]").contains("master_rest_url = ");
        assertThat(run("serve", "issue-user", "bad name;rm", "--ca", ca.toString())
                        .exit())
                .isEqualTo(2);
    }

    @Test
    void aNameTheCaAlreadyIssuedIsRefusedUnlessReKeyedOnPurpose() throws Exception {
        Path caFolder = dir.resolve("ca");
        assertThat(run("serve", "ca", "init", "--ca", caFolder.toString()).exit())
                .isZero();
        // what a token registration in the running master does for its node
        CertificateAuthority.load(caFolder).issue(Role.NODE, "COMP-4");
        CliRun byHand = run("serve", "issue-node", "COMP-4", "--ca", caFolder.toString(), "--out", dir.toString());
        assertThat(byHand.exit()).isEqualTo(1);
        assertThat(byHand.err())
                .contains("already issued a certificate to 'COMP-4'")
                .contains("--again");
        assertThat(dir.resolve("COMP-4.key")).doesNotExist();
        CliRun reKeyed =
                run("serve", "issue-node", "COMP-4", "--again", "--ca", caFolder.toString(), "--out", dir.toString());
        assertThat(reKeyed.exit()).as(reKeyed.err()).isZero();
        assertThat(run("serve", "issue-node", "COMP-5", "--ca", caFolder.toString(), "--out", dir.toString())
                        .exit())
                .isZero();
    }

    @Test
    void anyNonLoopbackAddressNeedsACa() {
        CliRun r = run(
                "serve",
                "--port",
                "0",
                "--db",
                dir.resolve("m.sqlite").toString(),
                "--listen",
                "0.0.0.0",
                "--ca",
                dir.resolve("no-ca").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("needs client certificates").contains("serve ca init");
        assertThat(run("serve").err()).contains("--port N and --db FILE are required");
    }
}
