package org.slapdesk.remote.action.re6st;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.Validate;

/**
 * What to set on a node's re6st (seed 003, "Install Re6st on SlapOS node"): the registry URL,
 * optionally a registry token (exchanged for the node's certificate by {@code re6st-conf};
 * never shown), the public {@code ip} a first (gateway) node announces, and the {@code gateway}
 * flag. Empty means "leave as it is".
 */
public record Re6stSettings(
        String configDir,
        Optional<String> registry,
        Optional<String> token,
        Optional<String> ip,
        Optional<Boolean> gateway,
        boolean restart) {

    public static final String DEFAULT_DIR = "/etc/re6stnet";

    public Re6stSettings {
        Validate.absolutePath(configDir);
        registry.ifPresent(Re6stSettings::url);
        token.ifPresent(Re6stSettings::token);
        ip.ifPresent(Validate::ipAddress);
        if (token.isPresent() && registry.isEmpty()) {
            throw new InvalidInputException("a re6st token is exchanged with a registry: give the registry URL too"
                    + " (e.g. http://51.159.66.11:9201/)");
        }
    }

    public static Re6stSettings of(String registry) {
        return new Re6stSettings(
                DEFAULT_DIR, Optional.of(registry), Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    public Re6stSettings withToken(String value) {
        return new Re6stSettings(configDir, registry, Optional.of(value), ip, gateway, restart);
    }

    /** The first node of a network: {@code ip ADDRESS} and {@code gateway} (seed 003). */
    public Re6stSettings asGateway(String address) {
        return new Re6stSettings(configDir, registry, token, Optional.of(address), Optional.of(true), restart);
    }

    public Re6stSettings withRestart(boolean value) {
        return new Re6stSettings(configDir, registry, token, ip, gateway, value);
    }

    public Re6stSettings inDir(String dir) {
        return new Re6stSettings(dir, registry, token, ip, gateway, restart);
    }

    public String confPath() {
        return configDir + "/re6stnet.conf";
    }

    private static void url(String value) {
        try {
            URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null
                    || value.chars().anyMatch(c -> c <= ' ')) {
                throw new InvalidInputException("the re6st registry '" + value + "' must be an http(s) URL with a host,"
                        + " e.g. http://51.159.66.11:9201/");
            }
        } catch (URISyntaxException e) {
            throw new InvalidInputException("the re6st registry '" + value + "' is not a URL");
        }
    }

    private static void token(String value) {
        if (value.isBlank() || value.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new InvalidInputException("the re6st token is empty or contains spaces or control characters:"
                    + " copy it again from the token's connection parameters");
        }
    }
}
