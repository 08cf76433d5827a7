package org.slapdesk.gui.dashboard;

import java.util.Locale;
import java.util.Optional;
import org.slapdesk.core.health.Health;
import org.slapdesk.gui.page.Page;

/**
 * Where a click on the dashboard leads: a list page, the text its filter box gets (health tokens
 * such as {@code health:red} are understood by the list pages) and the row to select, if any.
 */
public record DashboardLink(Page page, String filter, Optional<String> selectKey) {

    public static DashboardLink filtered(Page page, String filter) {
        return new DashboardLink(page, filter, Optional.empty());
    }

    /**
     * A health tile's link: the kind's list filtered by colour. Installations are listed beside
     * their server, so their tile filters the servers by the colour of their software.
     */
    public static DashboardLink tile(ObjectKind kind, Health.Level level) {
        String token = (kind == ObjectKind.INSTALLATION ? "software:" : "health:")
                + level.name().toLowerCase(Locale.ROOT);
        return filtered(kind.page(), token);
    }

    public static DashboardLink object(Page page, String key) {
        return new DashboardLink(page, key, Optional.of(key));
    }
}
