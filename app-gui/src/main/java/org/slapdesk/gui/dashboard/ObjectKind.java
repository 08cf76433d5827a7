package org.slapdesk.gui.dashboard;

import org.slapdesk.gui.page.Page;

/** The kinds of object the dashboard counts, each with the page that lists it. */
public enum ObjectKind {
    SERVER("Servers", "server", Page.SERVERS),
    INSTALLATION("Software installations", "software", Page.SERVERS),
    SERVICE("Services", "service", Page.SERVICES);

    private final String title;
    private final String singular;
    private final Page page;

    ObjectKind(String title, String singular, Page page) {
        this.title = title;
        this.singular = singular;
        this.page = page;
    }

    public String title() {
        return title;
    }

    public String singular() {
        return singular;
    }

    public Page page() {
        return page;
    }
}
