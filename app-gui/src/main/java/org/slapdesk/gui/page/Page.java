package org.slapdesk.gui.page;

import java.util.Locale;
import java.util.Optional;

/** The pages of the navigation, in order; Ctrl+1 … Ctrl+7 jump to them. */
public enum Page {
    DASHBOARD("Dashboard"),
    SERVERS("Servers"),
    SERVICES("Services"),
    NODES("Nodes"),
    TASKS("Tasks"),
    ACTIVITY("Activity"),
    SETTINGS("Settings");

    private final String title;

    Page(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public static Optional<Page> named(String name) {
        for (Page page : values()) {
            if (page.name().equalsIgnoreCase(name)
                    || page.title.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(page);
            }
        }
        return Optional.empty();
    }
}
