package org.slapdesk.remote.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.testlab.TestHost;
import org.slapdesk.testlab.TestLab;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeConnectionTest {

    private TestLab lab;
    private TestHost host;
    private NodeConnection connection;

    @BeforeAll
    void startHost() throws Exception {
        lab = TestLab.open();
        host = lab.startHost();
        connection = Targets.connect(host);
    }

    @AfterAll
    void stopHost() {
        if (connection != null) {
            connection.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void returnsExitCodeStdoutAndStderr() throws Exception {
        CommandResult result = connection.run("echo out; echo err >&2; hostname; exit 3");
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("out\n" + host.name() + "\n");
        assertThat(result.stderr()).isEqualTo("err\n");
        assertThatThrownBy(result::requireOk).isInstanceOf(NodeException.class).hasMessageContaining("exited 3: err");
    }

    @Test
    void streamsLinesWhileTheCommandRuns() throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Long> firstLineAt = new AtomicReference<>();
        long start = System.nanoTime();
        OutputListener listener = new OutputListener() {
            @Override
            public void stdout(String line) {
                firstLineAt.compareAndSet(null, System.nanoTime() - start);
                seen.add("out:" + line);
            }

            @Override
            public void stderr(String line) {
                seen.add("err:" + line);
            }
        };
        CommandResult result = connection.exec(
                "echo first; sleep 1.5; echo warn >&2; echo last",
                null,
                Duration.ofSeconds(30),
                listener,
                CancellationToken.none());
        long total = System.nanoTime() - start;
        assertThat(result.ok()).isTrue();
        assertThat(seen).containsExactlyInAnyOrder("out:first", "err:warn", "out:last");
        assertThat(firstLineAt.get()).isLessThan(total - Duration.ofMillis(1000).toNanos());
    }

    @Test
    void feedsStdin() throws Exception {
        CommandResult result = connection.exec(
                "tr a-z A-Z",
                "hello\n".getBytes(),
                Duration.ofSeconds(10),
                OutputListener.NONE,
                CancellationToken.none());
        assertThat(result.stdout()).isEqualTo("HELLO\n");
    }

    @Test
    void aTimeoutStopsTheCommandAndItsChildrenOnTheNode() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> connection.exec(
                        "sleep 71; echo never",
                        null,
                        Duration.ofSeconds(1),
                        OutputListener.NONE,
                        CancellationToken.none()))
                .isInstanceOf(NodeException.TimedOut.class)
                .hasMessageContaining("sleep 71");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(host.exec("pgrep", "-f", "sleep 71").exitCode())
                .as("sleep still runs on the node")
                .isEqualTo(1);
    }

    @Test
    void cancellingStopsTheCommandOnTheNode() throws Exception {
        CancellationToken cancel = new CancellationToken();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<CommandResult> running = pool.submit(() -> connection.exec(
                    "sh -c 'sleep 72' ; sleep 73", null, Duration.ofSeconds(60), OutputListener.NONE, cancel));
            waitUntil(() -> host.exec("pgrep", "-f", "sleep 72").exitCode() == 0);
            cancel.cancel();
            assertThatThrownBy(running::get).hasCauseInstanceOf(NodeException.Cancelled.class);
            waitUntil(() -> host.exec("pgrep", "-f", "sleep 7[23]").exitCode() == 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneConnectionServesManyCommandsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<CommandResult>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String n = Integer.toString(i);
                results.add(pool.submit(() -> connection.run("echo", n)));
            }
            for (int i = 0; i < 16; i++) {
                assertThat(results.get(i).get().stdout()).isEqualTo(i + "\n");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(host.sh("ss -tn state established '( sport = :22 )' | tail -n +2 | wc -l")
                        .trim())
                .isEqualTo("1");
    }

    @Test
    void anUnknownHostKeyGoesToThePromptAndIsAppendedWhenTrusted(@TempDir Path dir) throws Exception {
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(
                knownHosts,
                "# mine\nexample.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIF539viggPJUwQpwlxmjvSh5joNtCFr/pvdtblb0fvQY\n");
        SshTarget target = SshTarget.of(host.address(), 22, "root", host.clientKey(), knownHosts);
        List<HostKeyPrompt.UnknownHostKey> asked = new ArrayList<>();

        assertThatThrownBy(() ->
                        NodeConnection.open(target, ConnectOptions.defaults().withHostKeyPrompt(k -> {
                            asked.add(k);
                            return false;
                        })))
                .isInstanceOf(NodeException.HostKeyRejected.class)
                .hasMessageContaining("not accepted");
        String expected =
                host.sh("ssh-keygen -lf /run/testlab/ssh_host_ed25519_key.pub").split(" ")[1];
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0).sha256Fingerprint()).isEqualTo(expected);
        assertThat(asked.get(0).keyType()).isEqualTo("ssh-ed25519");
        assertThat(asked.get(0).verifyCommand())
                .isEqualTo("ssh-keyscan -p 22 '" + host.address() + "' | ssh-keygen -lf -");
        assertThat(Files.readAllLines(knownHosts)).hasSize(2);

        try (NodeConnection trusted =
                NodeConnection.open(target, ConnectOptions.defaults().withHostKeyPrompt(k -> true))) {
            assertThat(trusted.run("true").ok()).isTrue();
        }
        assertThat(Files.readAllLines(knownHosts)).hasSize(3).last().isEqualTo(host.knownHostsLine());
        // now known: no prompt needed
        try (NodeConnection again = NodeConnection.open(target, ConnectOptions.defaults())) {
            assertThat(again.run("true").ok()).isTrue();
        }
    }

    @Test
    void aChangedHostKeyIsRefusedNamingTheFileAndLine(@TempDir Path dir) throws Exception {
        Path knownHosts = dir.resolve("known_hosts");
        String otherKey = "AAAAC3NzaC1lZDI1NTE5AAAAIF539viggPJUwQpwlxmjvSh5joNtCFr/pvdtblb0fvQY";
        Files.writeString(knownHosts, "# header\n" + host.address() + " ssh-ed25519 " + otherKey + "\n");
        SshTarget target = SshTarget.of(host.address(), 22, "root", host.clientKey(), knownHosts);
        assertThatThrownBy(() ->
                        NodeConnection.open(target, ConnectOptions.defaults().withHostKeyPrompt(k -> true)))
                .isInstanceOf(NodeException.HostKeyRejected.class)
                .hasMessageContaining("CHANGED")
                .hasMessageContaining(knownHosts + " line 2")
                .hasMessageContaining("ssh-keygen -R");
        assertThat(Files.readString(knownHosts)).doesNotContain(host.hostPublicKey());
    }

    @Test
    void aHashedEntryIsKnownAndATrustedKeyGoesOnItsOwnLine(@TempDir Path dir) throws Exception {
        Path hashed = dir.resolve("hashed_known_hosts");
        Files.writeString(hashed, host.knownHostsLine() + "\n");
        run("ssh-keygen", "-q", "-H", "-f", hashed.toString());
        assertThat(Files.readString(hashed)).startsWith("|1|").doesNotContain(host.address());
        SshTarget target = SshTarget.of(host.address(), 22, "root", host.clientKey(), hashed);
        try (NodeConnection known = NodeConnection.open(target, ConnectOptions.defaults())) {
            assertThat(known.run("true").ok()).isTrue();
        }

        Path noFinalNewline = dir.resolve("known_hosts");
        Files.writeString(noFinalNewline, "# no newline at the end");
        SshTarget unknown = SshTarget.of(host.address(), 22, "root", host.clientKey(), noFinalNewline);
        try (NodeConnection trusted =
                NodeConnection.open(unknown, ConnectOptions.defaults().withHostKeyPrompt(k -> true))) {
            assertThat(trusted.run("true").ok()).isTrue();
        }
        assertThat(Files.readAllLines(noFinalNewline))
                .containsExactly("# no newline at the end", host.knownHostsLine());
    }

    @Test
    void anEncryptedKeyAsksForItsPassphrase(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("id_enc");
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "s3cret phrase", "-f", key.toString());
        host.sh("cat >> /run/testlab/authorized_keys <<'EOF'\n" + Files.readString(dir.resolve("id_enc.pub")) + "EOF");
        SshTarget target = SshTarget.of(host.address(), 22, "root", key, host.knownHosts());
        List<Path> asked = new ArrayList<>();
        try (NodeConnection c =
                NodeConnection.open(target, ConnectOptions.defaults().withPassphrasePrompt(f -> {
                    asked.add(f);
                    return "s3cret phrase".toCharArray();
                }))) {
            assertThat(c.run("id -un").stdout()).isEqualTo("root\n");
        }
        assertThat(asked).containsExactly(key);
        assertThatThrownBy(() -> NodeConnection.open(target, ConnectOptions.defaults()))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining(key.toString());
    }

    @Test
    void aNonRootUserRunsCommandsThroughSudo() throws Exception {
        host.sh("useradd -m operator1 && echo 'operator1 ALL=(ALL) NOPASSWD: ALL' > /etc/sudoers.d/operator1"
                + " && useradd -m nosudo1 && passwd -d operator1 >/dev/null && passwd -d nosudo1 >/dev/null");
        SshTarget operator = SshTarget.of(host.address(), 22, "operator1", host.clientKey(), host.knownHosts());
        try (NodeConnection c = NodeConnection.open(operator, ConnectOptions.defaults())) {
            assertThat(c.run("id -u; echo $SUDO_USER").stdout()).isEqualTo("0\noperator1\n");
        }
        SshTarget noSudo = SshTarget.of(host.address(), 22, "nosudo1", host.clientKey(), host.knownHosts());
        try (NodeConnection c = NodeConnection.open(noSudo, ConnectOptions.defaults())) {
            CommandResult result = c.run("id -u");
            assertThat(result.ok()).isFalse();
            assertThat(result.stderr()).contains("sudo");
        }
    }

    @Test
    void connectsThroughAJumpHostToAnAddressOnlyItReaches(@TempDir Path dir) throws Exception {
        // a second sshd inside the host, in a nested namespace on 198.51.100.20 that only the host reaches
        host.sh("ip netns add inner && ip link add vj0 type veth peer name vj1 && ip link set vj1 netns inner"
                + " && ip addr add 198.51.100.1/24 dev vj0 && ip link set vj0 up"
                + " && ip -n inner addr add 198.51.100.20/24 dev vj1 && ip -n inner link set vj1 up"
                + " && ip netns exec inner /usr/sbin/sshd -f /run/testlab/sshd_config -o ListenAddress=198.51.100.20"
                + " -o PidFile=/run/testlab/inner.pid");
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, host.knownHostsLine() + "\n198.51.100.20 " + host.hostPublicKey() + "\n");
        SshTarget jump = SshTarget.of(host.address(), 22, "root", host.clientKey(), knownHosts);
        SshTarget inner = SshTarget.of("198.51.100.20", 22, "root", host.clientKey(), knownHosts)
                .via(jump);
        try (NodeConnection c = NodeConnection.open(inner, ConnectOptions.defaults())) {
            assertThat(c.run("ip -o -4 addr show dev vj1").stdout()).contains("198.51.100.20");
        } finally {
            host.sh("kill $(cat /run/testlab/inner.pid); ip netns del inner");
        }
    }

    @Test
    void anUnreachableNodeIsReportedWithWhatToCheck(@TempDir Path dir) {
        SshTarget nothing = SshTarget.of(host.address(), 2222, "root", host.clientKey(), dir.resolve("kh"));
        assertThatThrownBy(() -> NodeConnection.open(
                        nothing,
                        new ConnectOptions(
                                Duration.ofSeconds(3),
                                Duration.ofSeconds(15),
                                HostKeyPrompt.REFUSE,
                                PassphrasePrompt.NONE)))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("Check the address");
        assertThat(Optional.of(nothing.display())).contains("root@[" + host.address() + "]:2222");
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        assertThat(p.waitFor()).isZero();
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 15 s").isLessThan(end);
            Thread.sleep(100);
        }
    }
}
