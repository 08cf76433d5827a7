package org.slapdesk.remote.action.forward;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.Validate;

/**
 * A TCP forward made with socat: connections to {@code listenPort} (on {@code bindAddress},
 * or every address) go to {@code targetAddress:targetPort}, e.g. 80 → 10.0.97.156:8080 for a
 * frontend (seed 003). IPv4 listen and target as in the seed; an IPv6 target uses TCP6.
 */
public record Forward(int listenPort, Optional<String> bindAddress, String targetAddress, int targetPort) {

    private static final Pattern MARKER =
            Pattern.compile("slapdesk-forward: listen=(\\d+) bind=(\\S*) target=(\\S+) port=(\\d+)");

    public Forward {
        Validate.port(listenPort);
        bindAddress.ifPresent(Validate::ipv4Address);
        Validate.ipAddress(targetAddress);
        Validate.port(targetPort);
    }

    /** A forward to {@code target} written {@code ADDRESS:PORT} (an IPv6 address bare or in brackets). */
    public static Forward to(int listenPort, Optional<String> bindAddress, String target) {
        int colon = target == null ? -1 : target.lastIndexOf(':');
        if (colon < 0) {
            throw new InvalidInputException("'" + target + "' needs ADDRESS:PORT, e.g. 10.0.97.156:8080");
        }
        String address = target.substring(0, colon);
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        return new Forward(listenPort, bindAddress, address, Validate.port(target.substring(colon + 1)));
    }

    public static Forward of(int listenPort, String targetAddress, int targetPort) {
        return new Forward(listenPort, Optional.empty(), targetAddress, targetPort);
    }

    /**
     * The service / script / cron file name: {@code slapdesk-socat-80} or {@code
     * slapdesk-socat-9201-51_159_66_11}; only [A-Za-z0-9_-], since cron's run-parts naming skips
     * files of /etc/cron.d whose names hold a dot.
     */
    public String name() {
        return "slapdesk-socat-" + listenPort
                + bindAddress.map(b -> "-" + b.replace('.', '_')).orElse("");
    }

    /** The name earlier versions gave (the bind address with its dots), still recognised to migrate. */
    public String legacyName() {
        return "slapdesk-socat-" + listenPort + bindAddress.map(b -> "-" + b).orElse("");
    }

    /** Whether {@code other} listens on the same port and address (one of them replaces the other). */
    public boolean listensAsOne(Forward other) {
        return listenPort == other.listenPort && bindAddress.equals(other.bindAddress);
    }

    /** socat's two addresses. */
    public String[] socatArguments() {
        String listen = "TCP4-LISTEN:" + listenPort + ",fork,reuseaddr"
                + bindAddress.map(b -> ",bind=" + b).orElse("");
        String target = targetAddress.contains(":")
                ? "TCP6:[" + targetAddress + "]:" + targetPort
                : "TCP4:" + targetAddress + ":" + targetPort;
        return new String[] {listen, target};
    }

    /** The line written into the unit / script, from which {@link #parseMarker} reads the forward back. */
    public String marker() {
        return "slapdesk-forward: listen=" + listenPort + " bind=" + bindAddress.orElse("") + " target=" + targetAddress
                + " port=" + targetPort;
    }

    public static Optional<Forward> parseMarker(String text) {
        Matcher m = MARKER.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new Forward(
                Integer.parseInt(m.group(1)),
                m.group(2).isEmpty() ? Optional.empty() : Optional.of(m.group(2)),
                m.group(3),
                Integer.parseInt(m.group(4))));
    }

    @Override
    public String toString() {
        return bindAddress.orElse("*") + ":" + listenPort + " -> " + targetAddress + ":" + targetPort;
    }
}
