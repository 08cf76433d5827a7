package org.slapdesk.gui.services;

import java.util.List;
import java.util.Locale;

/**
 * A parameter or connection parameter row; {@link #isUrl()} offers "open in browser", {@link
 * #isSecret()} hides the value until revealed.
 */
public record KeyValue(String key, String value) {

    private static final List<String> SECRET_WORDS = List.of("password", "passwd", "secret", "key", "token");
    static final String MASK = "••••••••";

    public boolean isUrl() {
        return value != null && (value.startsWith("http://") || value.startsWith("https://"));
    }

    /** Whether the name says the value is a credential, which must not be shown over a shoulder. */
    public boolean isSecret() {
        String name = key == null ? "" : key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(name::contains);
    }

    /** The text the table shows: a secret is masked until {@code revealed}. */
    public String shown(boolean revealed) {
        return isSecret() && !revealed ? MASK : value;
    }
}
