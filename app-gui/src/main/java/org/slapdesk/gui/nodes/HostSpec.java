package org.slapdesk.gui.nodes;

import java.nio.file.Path;
import java.util.Optional;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.Validate;
import org.slapdesk.remote.ssh.SshTarget;

/** {@code [user@]host[:port]}, IPv6 in brackets ({@code root@[fd00::2]:2222}): how a jump host is written. */
public record HostSpec(String user, String host, int port) {

    public static HostSpec parse(String spec, String defaultUser) {
        String text = spec.strip();
        String user = defaultUser;
        int at = text.lastIndexOf('@');
        if (at >= 0) {
            user = text.substring(0, at);
            text = text.substring(at + 1);
        }
        String host = text;
        int port = 22;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new InvalidInputException("'" + spec + "': a [ without ]");
            }
            host = text.substring(1, close);
            if (text.length() > close + 1) {
                if (text.charAt(close + 1) != ':') {
                    throw new InvalidInputException("'" + spec + "': expected :PORT after ]");
                }
                port = Validate.port(text.substring(close + 2));
            }
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            host = text.substring(0, text.indexOf(':'));
            port = Validate.port(text.substring(text.indexOf(':') + 1));
        }
        NodeForm.checkHost(host);
        NodeForm.checkUser(user);
        return new HostSpec(user, host, port);
    }

    public SshTarget target(Optional<Path> key, Path knownHosts) {
        return new SshTarget(host, port, user, key, knownHosts, Optional.empty());
    }
}
