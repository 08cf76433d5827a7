package org.slapdesk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slapdesk.remote.ssh.SshTarget;
import picocli.CommandLine.Option;

/** The SSH options every {@code slapdesk node} action takes: one host, or a hosts file. */
public final class NodeTargets {

    @Option(names = "--host", description = "The node: a name or address.")
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
        Optional<SshTarget> jumpTarget = jump == null ? Optional.empty() : Optional.of(parse(jump, 0));
        List<SshTarget> targets = new ArrayList<>();
        if (host != null) {
            targets.add(withJump(
                    new SshTarget(host, port, user, Optional.ofNullable(key), knownHostsFile(), Optional.empty()),
                    jumpTarget));
        } else {
            List<String> lines = Files.readAllLines(hostsFile);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                try {
                    targets.add(withJump(parse(line, i + 1), jumpTarget));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(hostsFile + " line " + (i + 1) + ": " + e.getMessage());
                }
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

    /** {@code [user@]host[:port]}, IPv6 in brackets: {@code root@[fd00::2]:22}. */
    SshTarget parse(String spec, int line) {
        String u = user;
        String rest = spec;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            u = rest.substring(0, at);
            rest = rest.substring(at + 1);
        }
        String h = rest;
        int p = port;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + spec + "': a [ without ]");
            }
            h = rest.substring(1, close);
            if (rest.length() > close + 1) {
                if (rest.charAt(close + 1) != ':') {
                    throw new IllegalArgumentException("'" + spec + "': expected :PORT after ]");
                }
                p = portOf(rest.substring(close + 2), spec);
            }
        } else if (rest.indexOf(':') >= 0 && rest.indexOf(':') == rest.lastIndexOf(':')) {
            h = rest.substring(0, rest.indexOf(':'));
            p = portOf(rest.substring(rest.indexOf(':') + 1), spec);
        }
        return new SshTarget(h, p, u, Optional.ofNullable(key), knownHostsFile(), Optional.empty());
    }

    private static int portOf(String text, String spec) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + spec + "': '" + text + "' is not a port");
        }
    }
}
