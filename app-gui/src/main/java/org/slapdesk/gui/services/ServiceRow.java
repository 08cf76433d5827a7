package org.slapdesk.gui.services;

import java.time.Instant;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.model.InstanceTree;

/** One service (instance tree) in the table, updated in place by refreshes. */
public final class ServiceRow {

    private final String title;
    private final StringProperty release = new SimpleStringProperty();
    private final StringProperty softwareType = new SimpleStringProperty();
    private final StringProperty requestedState = new SimpleStringProperty();
    private final ObjectProperty<Health> health = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> healthChangedAt = new SimpleObjectProperty<>();
    private final ObjectProperty<InstanceTree> tree = new SimpleObjectProperty<>();

    ServiceRow(String title) {
        this.title = title;
    }

    boolean update(InstanceTree fresh, Health freshHealth, Instant now) {
        boolean changed = !Objects.equals(tree.get(), fresh) || !Objects.equals(health.get(), freshHealth);
        Health before = health.get();
        release.set(fresh.softwareReleaseUrl());
        softwareType.set(fresh.softwareType().orElse("default"));
        requestedState.set(fresh.requestedState().map(s -> s.wireName()).orElse(""));
        tree.set(fresh);
        health.set(freshHealth);
        if (before != null && before.level() != freshHealth.level()) {
            healthChangedAt.set(now);
        }
        return changed;
    }

    public String title() {
        return title;
    }

    public ReadOnlyStringProperty releaseProperty() {
        return release;
    }

    public ReadOnlyStringProperty softwareTypeProperty() {
        return softwareType;
    }

    public ReadOnlyStringProperty requestedStateProperty() {
        return requestedState;
    }

    public ReadOnlyObjectProperty<Health> healthProperty() {
        return health;
    }

    public Health health() {
        return health.get();
    }

    public ReadOnlyObjectProperty<Instant> healthChangedAtProperty() {
        return healthChangedAt;
    }

    public InstanceTree tree() {
        return tree.get();
    }
}
