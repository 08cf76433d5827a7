package org.slapdesk.gui.nodes;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.gui.activity.ActivityLog;
import org.slapdesk.gui.nodes.action.NodeHandle;
import org.slapdesk.gui.task.TaskService;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.PlanRunner;
import org.slapdesk.remote.action.ProgressListener;
import org.slapdesk.remote.action.slapos.ProcessStatus;
import org.slapdesk.remote.action.slapos.RestartProcessAction;
import org.slapdesk.remote.action.slapos.SlaposNode;

/** {@code slapos node status} of the connected node, and restarting one of its processes. FX thread. */
public final class NodeStatusModel {

    private final TaskService tasks;
    private final ActivityLog activity;
    private final Supplier<Optional<NodeHandle>> connectedNode;
    private final Supplier<SlaposNode> slapos;
    private final ObservableList<ProcessStatus> processes = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty();

    /**
     * @param connectedNode the selected connected node, or empty after telling the user to connect
     * @param slapos slapos on the selected node; throws {@link InvalidInputException} when its settings are wrong
     */
    NodeStatusModel(
            TaskService tasks,
            ActivityLog activity,
            Supplier<Optional<NodeHandle>> connectedNode,
            Supplier<SlaposNode> slapos) {
        this.tasks = tasks;
        this.activity = activity;
        this.connectedNode = connectedNode;
        this.slapos = slapos;
    }

    public ObservableList<ProcessStatus> processes() {
        return processes;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    void clear() {
        processes.clear();
    }

    public void refresh() {
        Optional<NodeHandle> h = connectedNode.get();
        if (h.isEmpty() || loading.get()) {
            return;
        }
        Optional<SlaposNode> slaposNode = checkedSlapos();
        if (slaposNode.isEmpty()) {
            return;
        }
        SlaposNode node = slaposNode.get();
        loading.set(true);
        tasks.task(
                        "slapos node status on " + h.get().label(),
                        c -> node.status(h.get().connection()))
                .onSuccess(processes::setAll)
                .onDone(() -> loading.set(false))
                .start();
    }

    /** Restarts one process (planned, applied, verified like any action), then reads the status again. */
    public void restart(ProcessStatus process) {
        Optional<NodeHandle> h = connectedNode.get();
        if (h.isEmpty()) {
            return;
        }
        Optional<SlaposNode> slaposNode = checkedSlapos();
        if (slaposNode.isEmpty()) {
            return;
        }
        RestartProcessAction action;
        try {
            action = new RestartProcessAction(slaposNode.get(), process.fullName());
        } catch (InvalidInputException e) {
            tasks.notifications().error("Cannot restart " + process.fullName(), e);
            return;
        }
        NodeHandle on = h.get();
        tasks.task(action.title() + " on " + on.label(), c -> {
                    Plan plan = action.plan(on.connection());
                    return new PlanRunner(on.connection())
                            .apply(action, plan, ProgressListener.NONE, CancellationToken.none());
                })
                .onSuccess(r -> {
                    activity.succeeded("node: " + action.title(), on.label(), "applied and verified");
                    on.lastResult().accept("ok: " + action.title());
                    refresh();
                })
                .onFailure(e -> {
                    activity.failed("node: " + action.title(), on.label(), e);
                    on.lastResult().accept("FAILED: " + action.title());
                })
                .start();
    }

    private Optional<SlaposNode> checkedSlapos() {
        try {
            return Optional.of(slapos.get());
        } catch (InvalidInputException e) {
            tasks.notifications().error("Where is slapos on the node?", e);
            return Optional.empty();
        }
    }
}
