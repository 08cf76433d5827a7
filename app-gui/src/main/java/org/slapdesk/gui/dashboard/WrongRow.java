package org.slapdesk.gui.dashboard;

import java.time.Instant;
import java.util.Optional;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.health.HealthSample.ObjectRef;
import org.slapdesk.core.monitor.LinkTarget;
import org.slapdesk.core.monitor.WrongItem;
import org.slapdesk.gui.page.Page;

/** One row of "what is wrong now" as the window shows it: the core's item with a kind word and a page link. */
public record WrongRow(
        String kind,
        ObjectRef object,
        String title,
        Health health,
        String text,
        Optional<Instant> since,
        DashboardLink link) {

    public static WrongRow of(WrongItem item) {
        return new WrongRow(
                kindWord(item.object().kind()),
                item.object(),
                item.title(),
                new Health(item.level(), item.text()),
                item.text(),
                item.since(),
                linkOf(item.link()));
    }

    static String kindWord(ObjectRef.Kind kind) {
        return switch (kind) {
            case NODE -> "server";
            case SOFTWARE_INSTALLATION -> "software";
            case INSTANCE -> "instance";
            case INSTANCE_TREE -> "service";
            case PROMISE -> "promise";
        };
    }

    /** Servers and their software are on the Servers page; instances, services and promises on Services. */
    static DashboardLink linkOf(LinkTarget target) {
        return switch (target.kind()) {
            case NODE -> DashboardLink.object(Page.SERVERS, target.reference());
            case SOFTWARE_INSTALLATION -> DashboardLink.object(Page.SERVERS, nodeOf(target.reference()));
            case INSTANCE, INSTANCE_TREE, PROMISE -> DashboardLink.object(Page.SERVICES, target.reference());
        };
    }

    /** An installation's key is "node-reference software-url". */
    private static String nodeOf(String installationKey) {
        int space = installationKey.indexOf(' ');
        return space < 0 ? installationKey : installationKey.substring(0, space);
    }
}
