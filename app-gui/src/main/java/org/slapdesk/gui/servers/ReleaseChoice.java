package org.slapdesk.gui.servers;

/** A release offered in the Supply and Request dialogs, with where it was found. */
public record ReleaseChoice(String label, String url, String origin) {
    @Override
    public String toString() {
        return label.equals(url) ? url : label + " — " + url;
    }
}
