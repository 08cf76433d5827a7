package org.slapdesk.gui.services;

/** A parameter or connection parameter row; {@link #isUrl()} offers "open in browser". */
public record KeyValue(String key, String value) {
    public boolean isUrl() {
        return value != null && (value.startsWith("http://") || value.startsWith("https://"));
    }
}
