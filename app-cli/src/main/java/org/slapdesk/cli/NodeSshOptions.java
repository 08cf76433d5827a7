package org.slapdesk.cli;

import java.io.Console;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.Validate;
import org.slapdesk.remote.ssh.ConnectOptions;
import org.slapdesk.remote.ssh.HostKeyPrompt;
import org.slapdesk.remote.ssh.PassphrasePrompt;
import org.slapdesk.remote.ssh.SshTarget;
import picocli.CommandLine.Option;

/**
 * How to reach a node over SSH: {@code --host}, {@code --user}, {@code --port}, {@code --key},
 * {@code --jump}, {@code --known-hosts}. An unknown host key is shown with its fingerprint and
 * accepted only when the user types yes at a terminal.
 */
final class NodeSshOptions {

    @Option(names = "--host", required = true, paramLabel = "HOST", description = "the node's address or name")
    String host;

    @Option(names = "--user", defaultValue = "root", paramLabel = "USER", description = "login user; not root: commands run through sudo -n (default: ${DEFAULT-VALUE})")
    String user;

    @Option(names = "--port", defaultValue = "22", paramLabel = "PORT", description = "SSH port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--key", paramLabel = "FILE", description = "private key (default: ~/.ssh/id_ed25519, id_ecdsa or id_rsa)")
    Path key;

    @Option(names = "--jump", paramLabel = "[USER@]HOST[:PORT]", description = "jump host the connection goes through")
    String jump;

    @Option(names = "--known-hosts", paramLabel = "FILE", description = "known_hosts file (default: ~/.ssh/known_hosts)")
    Path knownHosts;

    SshTarget target() {
        Path known = knownHosts != null ? knownHosts : Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
        SshTarget target = SshTarget.of(host, port, user, key, known);
        if (jump != null) {
            target = target.via(parseJump(jump, known));
        }
        return target;
    }

    /** {@code [user@]host[:port]}; an IPv6 host with a port goes in brackets: {@code [fd00::1]:2222}. */
    private SshTarget parseJump(String text, Path known) {
        String jumpUser = user;
        String rest = text;
        int at = text.indexOf('@');
        if (at >= 0) {
            jumpUser = text.substring(0, at);
            rest = text.substring(at + 1);
        }
        String jumpHost = rest;
        String jumpPort = "22";
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0 || (close + 1 < rest.length() && rest.charAt(close + 1) != ':')) {
                throw new InvalidInputException("--jump '" + text + "': write an IPv6 jump host as [ADDRESS] or [ADDRESS]:PORT");
            }
            jumpHost = rest.substring(1, close);
            jumpPort = close + 1 < rest.length() ? rest.substring(close + 2) : "22";
        } else if (rest.indexOf(':') > 0 && rest.indexOf(':') == rest.lastIndexOf(':')) {
            jumpHost = rest.substring(0, rest.indexOf(':'));
            jumpPort = rest.substring(rest.indexOf(':') + 1);
        }
        return SshTarget.of(jumpHost, Validate.port(jumpPort), jumpUser, key, known);
    }

    ConnectOptions connectOptions() {
        return ConnectOptions.defaults().withHostKeyPrompt(NodeSshOptions::askHostKey)
                .withPassphrasePrompt(NodeSshOptions::askPassphrase);
    }

    /** For confirm-or-revert: each new connection gives up quickly so the next try comes soon. */
    static Duration reconnectTimeout() {
        return Duration.ofSeconds(5);
    }

    private static boolean askHostKey(HostKeyPrompt.UnknownHostKey key) {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        console.printf("The host key of %s:%d is not known.%n%s key fingerprint %s%nCheck it on the node with: %s%n",
                key.host(), key.port(), key.keyType(), key.sha256Fingerprint(), key.verifyCommand());
        String answer = console.readLine("Trust it and add it to known_hosts? (yes/no) ");
        return answer != null && answer.strip().equalsIgnoreCase("yes");
    }

    private static char[] askPassphrase(Path keyFile) {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        return Optional.ofNullable(console.readPassword("Passphrase for %s: ", keyFile))
                .filter(p -> p.length > 0).orElse(null);
    }
}
