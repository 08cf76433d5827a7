package org.slapdesk.core.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slapdesk.core.master.MasterProfile;

/** A stored master profile: where the master is and which certificate speaks to it. */
public record ProfileRecord(
        String name,
        String masterUrl,
        Optional<Path> certPath,
        Optional<Path> keyPath,
        Optional<Path> caPath,
        Optional<String> colour,
        Kind kind) {

    /** The embedded local master, or a remote one. */
    public enum Kind {
        LOCAL,
        REMOTE;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind fromColumn(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public ProfileRecord {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a profile needs a name");
        }
        if (masterUrl == null || masterUrl.isBlank()) {
            throw new IllegalArgumentException("profile '" + name + "' needs a master URL");
        }
        Objects.requireNonNull(certPath, "certPath");
        Objects.requireNonNull(keyPath, "keyPath");
        Objects.requireNonNull(caPath, "caPath");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(kind, "kind");
    }

    /** How to reach this profile's master. */
    public MasterProfile masterProfile() {
        return MasterProfile.stored(name, masterUrl, certPath, keyPath, caPath);
    }
}
