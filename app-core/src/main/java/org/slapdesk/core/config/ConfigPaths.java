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

    /** {@code $HOME} when it is set to an absolute path, else the given fallback (the JVM's idea). */
    public static Path home(Map<String, String> environment, Path fallback) {
        String home = environment.get("HOME");
        return home != null && home.startsWith("/") ? Path.of(home) : fallback;
    }

    /** {@code $XDG_DATA_HOME} when it is set to an absolute path, else {@code HOME/.local/share}. */
    public static Path dataHome(Map<String, String> environment, Path home) {
        String xdg = environment.get("XDG_DATA_HOME");
        return xdg != null && xdg.startsWith("/") ? Path.of(xdg) : home.resolve(".local/share");
    }

    /**
     * Makes {@code user.home} follow {@code $HOME}, as every Unix tool does: the JVM takes it from
     * the password database, so {@code HOME=/tmp/x slapdesk} would still write to the real home.
     * Called once by the program's entry points, before anything reads it.
     */
    public static void adoptHomeFromEnvironment() {
        System.setProperty("user.home", home(System.getenv(), userHome()).toString());
    }
}
