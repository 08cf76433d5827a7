package org.slapdesk.gui.profile;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A master the console can talk to. The embedded local master is a profile too (the default
 * one). {@code aliases} are the product aliases of {@code slapos-client.cfg} (name → release URL).
 */
public record Profile(
        String name,
        Kind kind,
        String masterUrl,
        Optional<Path> certificate,
        Optional<Path> key,
        Optional<Path> trustedCa,
        String colour,
        Map<String, String> aliases) {

    public enum Kind {
        LOCAL,
        REMOTE
    }

    public static final String LOCAL_NAME = "local";

    public Profile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (name.isBlank()) {
            throw new IllegalArgumentException("the profile name is empty: give it a name");
        }
        masterUrl = masterUrl == null ? "" : masterUrl;
        certificate = certificate == null ? Optional.empty() : certificate;
        key = key == null ? Optional.empty() : key;
        trustedCa = trustedCa == null ? Optional.empty() : trustedCa;
        colour = colour == null || colour.isBlank() ? "#6e7781" : colour;
        aliases = Map.copyOf(new LinkedHashMap<>(aliases == null ? Map.of() : aliases));
    }

    public static Profile local() {
        return new Profile(
                LOCAL_NAME, Kind.LOCAL, "", Optional.empty(), Optional.empty(), Optional.empty(), "#2da44e", Map.of());
    }

    @Override
    public String toString() {
        return kind == Kind.LOCAL ? name + " (embedded master)" : name;
    }
}
