package org.slapdesk.core.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where slapos looks for its configuration files, and its {@code ~} expansion. */
public final class ConfigPaths {

    public static final String CLIENT_ENV = "SLAPOS_CLIENT_CONFIGURATION";
    public static final String CLIENT_DEFAULT = "~/.slapos/slapos-client.cfg";
    public static final String NODE_ENV = "SLAPOS_CONFIGURATION";
    public static final String NODE_DEFAULT = "/etc/opt/slapos/slapos.cfg";

    private ConfigPaths() {}

    /** An explicit path, else the environment variable, else the default; {@code ~} expanded. */
    public static Path locate(
            Optional<String> explicit,
            String envVariable,
            String fallback,
            Map<String, String> environment,
            Path home) {
        String chosen = explicit.filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(environment.get(envVariable)).filter(s -> !s.isBlank()))
                .orElse(fallback);
        return expandHome(chosen, home);
    }

    /** os.path.expanduser for the forms a config holds: {@code ~} and {@code ~/…}. */
    public static Path expandHome(String path, Path home) {
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/")) {
            return home.resolve(path.substring(2));
        }
        return Path.of(path);
    }

    public static Path userHome() {
        return Path.of(System.getProperty("user.home"));
    }
}
