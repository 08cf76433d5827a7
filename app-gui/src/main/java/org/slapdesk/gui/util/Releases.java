package org.slapdesk.gui.util;

/** How a software release URL is shown when there is no room for all of it. */
public final class Releases {

    private Releases() {}

    /** {@code .../software/kvm/software.cfg} → {@code kvm}; other URLs → their last path parts. */
    public static String shortName(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        String[] parts = trimmed.split("/");
        if (parts.length >= 2 && parts[parts.length - 1].endsWith(".cfg")) {
            return parts[parts.length - 2];
        }
        return parts[parts.length - 1];
    }
}
