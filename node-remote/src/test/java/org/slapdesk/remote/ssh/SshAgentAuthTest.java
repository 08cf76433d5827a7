package org.slapdesk.remote.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.testlab.TestHost;
import org.slapdesk.testlab.TestLab;

/** Logs in with keys held by a real OpenSSH ssh-agent, with no key file given. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SshAgentAuthTest {

    private TestLab lab;
    private TestHost host;
    private Process agent;

    @BeforeAll
    void startHost() {
        lab = TestLab.open();
        host = lab.startHost();
    }

    @AfterAll
    void stopHost() {
        if (lab != null) {
            lab.close();
        }
    }

    @AfterEach
    void stopAgent() throws InterruptedException {
        if (agent != null) {
            agent.destroy();
            if (!agent.waitFor(5, TimeUnit.SECONDS)) {
                agent.destroyForcibly();
            }
            agent = null;
        }
    }

    @Test
    void logsInWithAnEd25519KeyOfTheAgent(@TempDir Path dir) throws Exception {
        Path socket = startAgent(dir);
        sshAdd(socket, host.clientKey());
        try (SshAgent client = SshAgent.connect(socket)) {
            assertThat(client.identities()).singleElement().satisfies(identity -> assertThat(identity.keyType())
                    .isEqualTo("ssh-ed25519"));
        }

        try (NodeConnection node =
                NodeConnection.open(withoutKeyFile(), ConnectOptions.defaults().withAgentSocket(socket))) {
            assertThat(node.run("hostname").stdout()).isEqualTo(host.name() + "\n");
        }
    }

    @Test
    void logsInWithAnRsaKeyOfTheAgentSignedWithSha2(@TempDir Path dir) throws Exception {
        Path rsa = dir.resolve("id_rsa");
        run("ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-N", "", "-C", "agent-rsa", "-f", rsa.toString());
        String publicKey = Files.readString(rsa.resolveSibling("id_rsa.pub"), StandardCharsets.UTF_8)
                .trim();
        host.sh("printf '%s\\n' '" + publicKey + "' >> /run/testlab/authorized_keys");
        Path socket = startAgent(dir);
        sshAdd(socket, rsa);

        // OpenSSH 8.8+ refuses SHA-1 "ssh-rsa" signatures: logging in proves the rsa-sha2 flags reached the agent
        try (NodeConnection node =
                NodeConnection.open(withoutKeyFile(), ConnectOptions.defaults().withAgentSocket(socket))) {
            assertThat(node.run("echo", "via rsa").stdout()).isEqualTo("via rsa\n");
        }
    }

    @Test
    void anAgentWithoutAnAcceptedKeyIsRefusedNamingTheAgentAndItsKeys(@TempDir Path dir) throws Exception {
        Path stranger = dir.resolve("stranger");
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "stranger", "-f", stranger.toString());
        Path socket = startAgent(dir);
        sshAdd(socket, stranger);

        assertThatThrownBy(() -> NodeConnection.open(
                        withoutKeyFile(), ConnectOptions.defaults().withAgentSocket(socket)))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("refused the 1 key(s) of the ssh-agent at " + socket)
                .hasMessageContaining("ssh-ed25519 SHA256:")
                .hasMessageContaining("(stranger)")
                .hasMessageContaining("authorized_keys");
    }

    @Test
    void anEmptyAgentAndNoKeyFileSaysSo(@TempDir Path dir) throws Exception {
        Path socket = startAgent(dir);
        assertThatThrownBy(() -> NodeConnection.open(
                        withoutKeyFile(), ConnectOptions.defaults().withAgentSocket(socket)))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("the ssh-agent at " + socket + " holds no key");
    }

    @Test
    void anAgentSocketNobodyListensOnIsNamedWhenNothingElseIsLeft(@TempDir Path dir) {
        Path socket = dir.resolve("no-agent.sock");
        assertThatThrownBy(() -> NodeConnection.open(
                        withoutKeyFile(), ConnectOptions.defaults().withAgentSocket(socket)))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("the ssh-agent at " + socket + " cannot be reached");
    }

    @Test
    void anExplicitKeyFileStillWorksBesideAnAgentWithoutAnAcceptedKey(@TempDir Path dir) throws Exception {
        Path stranger = dir.resolve("stranger");
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "stranger", "-f", stranger.toString());
        Path socket = startAgent(dir);
        sshAdd(socket, stranger);
        SshTarget withKey = SshTarget.of(host.address(), host.port(), "root", host.clientKey(), host.knownHosts());
        try (NodeConnection node =
                NodeConnection.open(withKey, ConnectOptions.defaults().withAgentSocket(socket))) {
            assertThat(node.run("true").exitCode()).isZero();
        }
    }

    @Test
    void rsaSignatureAlgorithmsMapToTheAgentFlags() {
        assertThat(AgentKeyAuth.flagsFor("rsa-sha2-512")).isEqualTo(4);
        assertThat(AgentKeyAuth.flagsFor("rsa-sha2-256")).isEqualTo(2);
        assertThat(AgentKeyAuth.flagsFor("ssh-rsa")).isZero();
        assertThat(AgentKeyAuth.flagsFor("ssh-ed25519")).isZero();
    }

    private SshTarget withoutKeyFile() {
        assertThat(Path.of(System.getProperty("user.home"), ".ssh", "id_ed25519"))
                .doesNotExist();
        assertThat(Path.of(System.getProperty("user.home"), ".ssh", "id_rsa")).doesNotExist();
        return SshTarget.of(host.address(), host.port(), "root", null, host.knownHosts());
    }

    private Path startAgent(Path dir) throws Exception {
        Path socket = dir.resolve("agent.sock");
        agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("agent.log").toFile())
                .start();
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(socket)) {
            assertThat(agent.isAlive()).as("ssh-agent runs").isTrue();
            assertThat(System.nanoTime()).as("ssh-agent socket appears").isLessThan(end);
            Thread.sleep(50);
        }
        return socket;
    }

    private static void sshAdd(Path socket, Path key) throws Exception {
        ProcessBuilder add = new ProcessBuilder("ssh-add", key.toString()).inheritIO();
        add.environment().put("SSH_AUTH_SOCK", socket.toString());
        Process p = add.start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(List.of(command)).inheritIO().start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }
}
