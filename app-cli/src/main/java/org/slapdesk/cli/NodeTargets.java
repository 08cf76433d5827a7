package org.slapdesk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slapdesk.remote.inventory.HostsFile;
import org.slapdesk.remote.ssh.SshAddress;
import org.slapdesk.remote.ssh.SshTarget;
import picocli.CommandLine.Option;

/** The SSH options every {@code slapdesk node} action takes: one host, or a hosts file. */
public final class NodeTargets {

    @Option(
            names = "--host",
            description = "The node: [user@]host[:port], a name or address (IPv6 bare or in brackets).")
    String host;

    @Option(
            names = "--user",
            defaultValue = "root",
            description = "SSH user; not root: commands run through sudo -n (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--port", defaultValue = "22", description = "SSH port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--key",
            description =
                    "Private key file, tried first (default: the keys of the ssh-agent of SSH_AUTH_SOCK, then ~/.ssh/id_ed25519, id_ecdsa, id_rsa).")
    Path key;

    @Option(names = "--jump", description = "A jump host: [user@]host[:port] (same key and known_hosts).")
    String jump;

    @Option(
            names = "--known-hosts",
            description = "known_hosts file that decides which host keys are trusted (default: ~/.ssh/known_hosts).")
    Path knownHosts;

    @Option(
            names = "--hosts-file",
            description = "Run on every host of this file: one [user@]host[:port] per line, # comments.")
    Path hostsFile;

    @Option(
            names = "--parallel",
            defaultValue = "4",
            description = "With --hosts-file: hosts handled at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    Path knownHostsFile() {
        return knownHosts != null ? knownHosts : Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
    }

    /** The targets, or an IllegalArgumentException saying what is wrong with the options. */
    List<SshTarget> targets() throws IOException {
        if ((host == null) == (hostsFile == null)) {
            throw new IllegalArgumentException("give either --host H or --hosts-file F");
        }
        if (parallel < 1 || parallel > 64) {
            throw new IllegalArgumentException("--parallel must be 1-64, got " + parallel);
        }
        Optional<SshTarget> jumpTarget = jump == null ? Optional.empty() : Optional.of(parse(jump, "--jump"));
        List<SshTarget> targets = new ArrayList<>();
        if (host != null) {
            targets.add(withJump(parse(host, "--host"), jumpTarget));
        } else {
            for (SshAddress address : HostsFile.parse(Files.readAllLines(hostsFile), hostsFile.toString())) {
                targets.add(withJump(target(address), jumpTarget));
            }
            if (targets.isEmpty()) {
                throw new IllegalArgumentException(hostsFile + " lists no host");
            }
        }
        return targets;
    }

    private static SshTarget withJump(SshTarget target, Optional<SshTarget> jump) {
        return jump.map(target::via).orElse(target);
    }

    /** {@code [user@]host[:port]} with --user and --port where it gives none; a bad one names {@code where}. */
    private SshTarget parse(String spec, String where) {
        try {
            return target(SshAddress.parse(spec));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private SshTarget target(SshAddress address) {
        return address.target(user, port, Optional.ofNullable(key), knownHostsFile());
    }
}
