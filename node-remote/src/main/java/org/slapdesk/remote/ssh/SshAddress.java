package org.slapdesk.remote.ssh;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A node as the user writes it: {@code [user@]host[:port]}, an IPv6 address bare
 * ({@code fd00::2}) or in brackets ({@code [fd00::2]}, {@code [fd00::2]:2222}). The one parser
 * for {@code --host}, hosts files, jump hosts and the window's forms. The host it keeps is bare
 * (no brackets) and is a host name, an IPv4 or an IPv6 address: nothing that ssh could take
 * as an option ({@code -oProxyCommand=...}) or a shell as a command ({@code bad;host}).
 */
public record SshAddress(Optional<String> user, String host, OptionalInt port) {

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
    private static final Pattern DOTTED_NUMBERS = Pattern.compile("\\d+(\\.\\d+){3}");
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern USER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    public SshAddress {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(port, "port");
        user.ifPresent(SshAddress::checkUser);
        checkHost(host);
        port.ifPresent(SshAddress::checkPort);
    }

    /** Parses {@code [user@]host[:port]}; an IllegalArgumentException names the bad value. */
    public static SshAddress parse(String text) {
        String spec = Objects.requireNonNull(text, "text").strip();
        if (spec.isEmpty()) {
            throw new IllegalArgumentException("no host given (write [user@]host[:port], e.g. root@[fd00::2]:22)");
        }
        if (spec.startsWith("-")) {
            throw new IllegalArgumentException("'" + spec + "' is not a host: it starts with '-'");
        }
        Optional<String> user = Optional.empty();
        String rest = spec;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            user = Optional.of(rest.substring(0, at));
            rest = rest.substring(at + 1);
        }
        String host = rest;
        OptionalInt port = OptionalInt.empty();
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + spec + "': a [ without ]");
            }
            host = rest.substring(1, close);
            if (!host.contains(":")) {
                throw new IllegalArgumentException("'" + spec + "': brackets go around an IPv6 address only");
            }
            String after = rest.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw new IllegalArgumentException("'" + spec + "': expected :PORT after ]");
                }
                port = OptionalInt.of(portOf(after.substring(1)));
            }
        } else if (rest.indexOf(':') >= 0 && rest.indexOf(':') == rest.lastIndexOf(':')) {
            host = rest.substring(0, rest.indexOf(':'));
            port = OptionalInt.of(portOf(rest.substring(rest.indexOf(':') + 1)));
        }
        try {
            return new SshAddress(user, host, port);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + spec + "': " + e.getMessage(), e);
        }
    }

    /** The target this address names, with the user and port of the options where it gives none. */
    public SshTarget target(String defaultUser, int defaultPort, Optional<Path> keyFile, Path knownHosts) {
        return new SshTarget(
                host, port.orElse(defaultPort), user.orElse(defaultUser), keyFile, knownHosts, Optional.empty());
    }

    /** A bare host name, IPv4 or IPv6 address (no brackets), or an IllegalArgumentException naming it. */
    public static String checkHost(String host) {
        if (host == null || !isHost(host)) {
            throw new IllegalArgumentException("'" + host + "' is not a host name or address"
                    + " (e.g. node1.example.org, 192.0.2.10 or fd00::2)");
        }
        return host;
    }

    public static String checkUser(String user) {
        if (user == null || !USER.matcher(user).matches()) {
            throw new IllegalArgumentException(
                    "'" + user + "' is not a user name (letters, digits, _ . -; e.g. root or slapos)");
        }
        return user;
    }

    private static boolean isHost(String host) {
        if (host.contains(":")) {
            return IPV6_CHARS.matcher(host).matches() && isIpv6Literal(host);
        }
        if (DOTTED_NUMBERS.matcher(host).matches()) {
            return IPV4.matcher(host).matches();
        }
        return host.length() <= 253 && HOST_NAME.matcher(host).matches();
    }

    private static boolean isIpv6Literal(String address) {
        try {
            // in brackets, the JDK parses the literal and never asks DNS
            InetAddress.getByName("[" + address + "]");
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SSH port " + port + " is outside 1-65535");
        }
    }

    private static int portOf(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a port number (1-65535)");
        }
    }
}
