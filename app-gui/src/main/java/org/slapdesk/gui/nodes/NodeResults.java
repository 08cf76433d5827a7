package org.slapdesk.gui.nodes;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.slapdesk.core.store.KnownNodeRecord;
import org.slapdesk.gui.task.TaskService;

/** What working on a node ended with, shown on its row and kept in the inventory. FX thread. */
final class NodeResults {

    private final TaskService tasks;
    private final NodeInventory inventory;
    private final Clock clock;

    NodeResults(TaskService tasks, NodeInventory inventory, Clock clock) {
        this.tasks = tasks;
        this.inventory = inventory;
        this.clock = clock;
    }

    /** Shows the result, stamped now, and stores it off the FX thread so the page shows it again after a restart. */
    void record(NodeRow row, String text) {
        // the store keeps milliseconds: the page shows the same time before and after a restart
        KnownNodeRecord.LastResult result =
                new KnownNodeRecord.LastResult(text, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        row.lastResultProperty().set(text);
        row.lastResultAtProperty().set(result.at());
        KnownNodeRecord node = row.record();
        tasks.task("Record the last result on " + node.label(), c -> {
                    inventory.recordLastResult(node, result);
                    return result;
                })
                .quiet()
                .start();
    }

    /** A state that lasts only while something runs (connecting…): shown, not stored. */
    void show(NodeRow row, String text) {
        row.lastResultProperty().set(text);
        row.lastResultAtProperty().set(clock.instant());
    }
}
