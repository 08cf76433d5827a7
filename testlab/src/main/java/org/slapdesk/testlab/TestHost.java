package org.slapdesk.testlab;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One running test host: a Linux network namespace with an overlay root (nothing written
 * inside reaches this machine) and its own sshd, reachable from this machine at
 * {@link #address()} (IPv6) or {@link #address4()} on {@link #port()} as {@link #user()}
 * with {@link #clientKey()}; its host key is in {@link #knownHosts()}.
 * The host reaches this machine at {@link #hostSideAddress()} / {@link #hostSideAddress4()}
 * (bind a server there, e.g. a slapproxy, for the host to use it). Its interface is {@code eth0}.
 */
public final class TestHost implements AutoCloseable {

    private final TestLab lab;
    private final String name;
    private final String address;
    private final String address4;
    private final String hostSideAddress;
    private final String hostSideAddress4;
    private final int port;
    private final String user;
    private final Path clientKey;
    private final Path knownHosts;
    private final String hostPublicKey;
    private final HostOptions options;

    TestHost(
            TestLab lab,
            String name,
            String address,
            String address4,
            String hostSideAddress,
            String hostSideAddress4,
            int port,
            String user,
            Path clientKey,
            Path knownHosts,
            String hostPublicKey,
            HostOptions options) {
        this.lab = lab;
        this.name = name;
        this.address = address;
        this.address4 = address4;
        this.hostSideAddress = hostSideAddress;
        this.hostSideAddress4 = hostSideAddress4;
        this.port = port;
        this.user = user;
        this.clientKey = clientKey;
        this.knownHosts = knownHosts;
        this.hostPublicKey = hostPublicKey;
        this.options = options;
    }

    public String name() {
        return name;
    }

    /** How the host was made: {@code options().systemd()} when its pid 1 is systemd. */
    public HostOptions options() {
        return options;
    }

    /** The host's IPv6 address (its eth0), e.g. {@code fd00:5a:1::2}. */
    public String address() {
        return address;
    }

    public String address4() {
        return address4;
    }

    /** This machine's end of the link, reachable from inside the host. */
    public String hostSideAddress() {
        return hostSideAddress;
    }

    public String hostSideAddress4() {
        return hostSideAddress4;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    /** Private key (ed25519, no passphrase) that the host's sshd accepts for every user. */
    public Path clientKey() {
        return clientKey;
    }

    /** A known_hosts file with this host's key for both its addresses. */
    public Path knownHosts() {
        return knownHosts;
    }

    /** {@code ssh-ed25519 AAAA...}: the host's public key. */
    public String hostPublicKey() {
        return hostPublicKey;
    }

    /** The known_hosts line for {@link #address()} on {@link #port()}. */
    public String knownHostsLine() {
        String hostField = port == 22 ? address : "[" + address + "]:" + port;
        return hostField + " " + hostPublicKey;
    }

    /**
     * Runs a command inside the host directly (through its namespaces, not SSH): for tests
     * to prepare or inspect the host independently of the code under test.
     */
    public ExecResult exec(String... command) {
        List<String> arguments = new ArrayList<>(List.of("exec", name));
        arguments.addAll(List.of(command));
        TestLab.ScriptResult result = lab.run(arguments);
        return new ExecResult(result.exitCode(), result.stdout(), result.stderr());
    }

    /** Runs {@code sh -c script} inside the host; fails if it exits non-zero. */
    public String sh(String script) {
        ExecResult result = exec("sh", "-c", script);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(
                    name + ": `" + script + "` exited " + result.exitCode() + ": " + result.stderr());
        }
        return result.stdout();
    }

    /** Writes a file inside the host (as root). */
    public void writeFile(String path, String content) {
        TestLab.ScriptResult result = lab.runWithInput(
                List.of("exec", name, "sh", "-c", "cat > \"$0\"", path), content.getBytes(StandardCharsets.UTF_8));
        if (result.exitCode() != 0) {
            throw new IllegalStateException(name + ": cannot write " + path + ": " + result.stderr());
        }
    }

    /**
     * A new empty disk image of {@code sizeMb} inside the host, attached to a loop device
     * (returned, e.g. {@code /dev/loop3}); teardown unmounts and detaches it.
     */
    public String newLoopDevice(int sizeMb) {
        TestLab.ScriptResult result = lab.run(List.of("loop", name, Integer.toString(sizeMb)));
        if (result.exitCode() != 0) {
            throw new IllegalStateException(name + ": no loop device: " + result.stderr());
        }
        return result.stdout().trim();
    }

    /** Stops the host: unmounts and detaches its loop devices, kills its processes, deletes its netns. */
    @Override
    public void close() {
        lab.stop(this);
    }

    @Override
    public String toString() {
        return name + "[" + address + "]:" + port;
    }

    /** What a command run inside the host returned. */
    public record ExecResult(int exitCode, String stdout, String stderr) {}
}
