package org.slapdesk.gui.servers;

import java.time.Instant;
import java.util.Objects;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.model.AccessStatus;
import org.slapdesk.core.model.ComputeNodeDetail;
import org.slapdesk.core.model.PartitionState;

/**
 * One server in the table. A refresh updates the properties in place (so selection and scroll
 * stay put) and only when a value really changed.
 */
public final class ServerRow {

    private final String reference;
    private final StringProperty title = new SimpleStringProperty();
    private final ObjectProperty<Health> health = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> lastContact = new SimpleObjectProperty<>();
    private final IntegerProperty partitionsUsed = new SimpleIntegerProperty();
    private final IntegerProperty partitionsTotal = new SimpleIntegerProperty();
    private final IntegerProperty softwareCount = new SimpleIntegerProperty();
    private final ObjectProperty<Instant> healthChangedAt = new SimpleObjectProperty<>();
    private final ObjectProperty<ComputeNodeDetail> detail = new SimpleObjectProperty<>();

    ServerRow(String reference) {
        this.reference = reference;
    }

    /** Applies fresh data; returns true when anything visible changed. */
    boolean update(ComputeNodeDetail fresh, Health freshHealth, Instant now) {
        boolean changed = !Objects.equals(detail.get(), fresh) || !Objects.equals(health.get(), freshHealth);
        Health before = health.get();
        title.set(fresh.node().title());
        lastContact.set(fresh.node().status().map(AccessStatus::createdAt).orElse(null));
        partitionsUsed.set((int) fresh.partitions().stream()
                .filter(p -> p.state() == PartitionState.BUSY)
                .count());
        partitionsTotal.set(fresh.partitions().size());
        softwareCount.set(fresh.software().size());
        detail.set(fresh);
        health.set(freshHealth);
        if (before != null && before.level() != freshHealth.level()) {
            healthChangedAt.set(now);
        }
        return changed;
    }

    public String reference() {
        return reference;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyObjectProperty<Health> healthProperty() {
        return health;
    }

    public Health health() {
        return health.get();
    }

    public ReadOnlyObjectProperty<Instant> lastContactProperty() {
        return lastContact;
    }

    public ReadOnlyIntegerProperty partitionsUsedProperty() {
        return partitionsUsed;
    }

    public ReadOnlyIntegerProperty partitionsTotalProperty() {
        return partitionsTotal;
    }

    public ReadOnlyIntegerProperty softwareCountProperty() {
        return softwareCount;
    }

    /** Set when the health colour changed on a refresh; the view highlights the row briefly. */
    public ReadOnlyObjectProperty<Instant> healthChangedAtProperty() {
        return healthChangedAt;
    }

    public ReadOnlyObjectProperty<ComputeNodeDetail> detailProperty() {
        return detail;
    }

    public ComputeNodeDetail detail() {
        return detail.get();
    }
}
