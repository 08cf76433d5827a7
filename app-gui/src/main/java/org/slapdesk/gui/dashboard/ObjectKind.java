package org.slapdesk.gui.dashboard;

import org.slapdesk.core.health.HealthSample.ObjectRef;
import org.slapdesk.gui.page.Page;

/** The kinds of object the dashboard counts, each with the page that lists it. */
public enum ObjectKind {
    SERVER("Servers", "server", Page.SERVERS, ObjectRef.Kind.NODE),
    INSTALLATION("Software installations", "software", Page.SERVERS, ObjectRef.Kind.SOFTWARE_INSTALLATION),
    SERVICE("Services", "service", Page.SERVICES, ObjectRef.Kind.INSTANCE_TREE);

    private final String title;
    private final String singular;
    private final Page page;
    private final ObjectRef.Kind historyKind;

    ObjectKind(String title, String singular, Page page, ObjectRef.Kind historyKind) {
        this.title = title;
        this.singular = singular;
        this.page = page;
        this.historyKind = historyKind;
    }

    /** The kind the health history stores these objects under. */
    public ObjectRef.Kind historyKind() {
        return historyKind;
    }

    @Override
    public String toString() {
        return title;
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
