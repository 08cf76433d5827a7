package org.slapdesk.gui.nodes.fleet;

import java.time.Clock;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slapdesk.gui.activity.ActivityLog;
import org.slapdesk.gui.nodes.action.ActionContext;
import org.slapdesk.gui.nodes.action.ActionSpec;
import org.slapdesk.gui.nodes.action.ActionValues;
import org.slapdesk.gui.nodes.action.SecretMask;
import org.slapdesk.gui.task.TaskService;
import org.slapdesk.remote.action.NodeAction;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.PlanRunner;
import org.slapdesk.remote.action.ProgressListener;
import org.slapdesk.remote.action.Step;

/**
 * One action on many nodes: each node is a row (queued, running, ok / FAILED / cancelled with
 * the reason and the time, its output), at most {@link #parallelProperty()} nodes at once,
 * each run by the same engine as a single node (the action's plan, then {@link PlanRunner}
 * apply with verify and rollback; or its read-only query). Cancel all or one; the audit log
 * gets one entry per node. FX thread.
 */
public final class FleetRunModel {

    /** Nodes worked on at once unless changed: the CLI's {@code --parallel} default. */
    public static final int DEFAULT_PARALLEL = 4;

    /** The most nodes worked on at once from the window. */
    public static final int MOST_PARALLEL = 16;

    private final TaskService tasks;
    private final ActivityLog activity;
    private final Clock clock;
    private final ObservableList<FleetNodeRun> rows = FXCollections.observableArrayList();
    private final IntegerProperty parallel = new SimpleIntegerProperty(DEFAULT_PARALLEL);
    private final StringProperty title = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final ObjectProperty<FleetNodeRun> selected = new SimpleObjectProperty<>();
    private ActionSpec spec;
    private ActionValues values;

    public FleetRunModel(TaskService tasks, ActivityLog activity, Clock clock) {
        this.tasks = tasks;
        this.activity = activity;
        this.clock = clock;
    }

    public ObservableList<FleetNodeRun> rows() {
        return rows;
    }

    /** How many nodes run at once (1 to {@value #MOST_PARALLEL}). */
    public IntegerProperty parallelProperty() {
        return parallel;
    }

    /** What runs, e.g. "Status of the processes on 3 nodes". */
    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    /** True while a node of the run is queued or running. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** The row whose output is shown. */
    public ObjectProperty<FleetNodeRun> selectedProperty() {
        return selected;
    }

    /** Starts the action on these nodes; refused while a run is under way. */
    public void run(ActionSpec action, ActionValues form, List<FleetNode> nodes) {
        if (running.get()) {
            throw new IllegalStateException("a fleet run is under way: cancel it or wait for its end");
        }
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("select one or more nodes first");
        }
        spec = action;
        values = form;
        title.set(action.label() + " on " + nodes.size() + (nodes.size() == 1 ? " node" : " nodes"));
        rows.setAll(nodes.stream().map(FleetNodeRun::new).toList());
        selected.set(rows.get(0));
        running.set(true);
        startMore();
    }

    /** Stops every node still queued or running. */
    public void cancelAll() {
        List.copyOf(rows).forEach(this::cancel);
    }

    /** Stops one node: a queued one never starts, a running read stops, a running apply undoes what it did. */
    public void cancel(FleetNodeRun row) {
        if (row.state().finished()) {
            return;
        }
        if (row.state() == FleetNodeRun.State.QUEUED) {
            row.requestCancel();
            finish(row, FleetNodeRun.State.CANCELLED, "cancelled before it started");
            return;
        }
        row.requestCancel();
        row.line("cancelling…");
    }

    private void startMore() {
        long busy = rows.stream()
                .filter(r -> r.state() == FleetNodeRun.State.RUNNING)
                .count();
        for (FleetNodeRun row : rows) {
            if (busy >= Math.max(1, Math.min(MOST_PARALLEL, parallel.get()))) {
                break;
            }
            if (row.state() == FleetNodeRun.State.QUEUED) {
                start(row);
                busy++;
            }
        }
        running.set(rows.stream().anyMatch(r -> !r.state().finished()));
    }

    private void start(FleetNodeRun row) {
        ActionSpec action = spec;
        ActionValues form = values;
        row.running(clock.instant());
        row.task(tasks.task(action.label() + " on " + row.name(), c -> work(action, form, row))
                .onSuccess(detail -> finish(row, FleetNodeRun.State.OK, detail))
                .onFailure(e -> finish(
                        row,
                        row.cancelRequested() ? FleetNodeRun.State.CANCELLED : FleetNodeRun.State.FAILED,
                        String.valueOf(e.getMessage())))
                .onCancelled(() -> finish(row, FleetNodeRun.State.CANCELLED, "cancelled"))
                .quiet()
                .start());
    }

    /** Off the FX thread: the node's own connection, then the query, or plan and apply. */
    private String work(ActionSpec action, ActionValues form, FleetNodeRun row) throws Exception {
        FleetNode node = row.node();
        try (FleetNode.Lease lease = node.connector().open()) {
            ActionContext context = new ActionContext(node.slapos(), lease.reconnect());
            if (!action.changesTheNode()) {
                String answer = action.query().run(lease.connection(), form, context);
                lines(row, answer);
                return "";
            }
            NodeAction built = action.builder().build(form, context);
            Plan plan = built.plan(lease.connection());
            lines(row, plan.preview());
            if (plan.isEmpty()) {
                return "nothing to do";
            }
            if (row.applyCancel().isCancelled()) {
                throw new IllegalStateException("cancelled before the apply: nothing was changed");
            }
            row.applying();
            return new PlanRunner(lease.connection())
                    .apply(built, plan, listener(row, SecretMask.of(plan)), row.applyCancel())
                    .summary();
        }
    }

    private void lines(FleetNodeRun row, String text) {
        List<String> lines = text.lines().toList();
        tasks.onFxThread(() -> lines.forEach(row::line));
    }

    private ProgressListener listener(FleetNodeRun row, SecretMask mask) {
        return new ProgressListener() {
            @Override
            public void stepStarted(int index, int total, Step step) {
                lines(row, "step " + index + "/" + total + ": " + step.description());
            }

            @Override
            public void rollingBack(String why) {
                lines(row, mask.apply("rolling back: " + why));
            }

            @Override
            public void stdout(String text) {
                lines(row, mask.apply(text));
            }

            @Override
            public void stderr(String text) {
                lines(row, mask.apply(text));
            }
        };
    }

    private void finish(FleetNodeRun row, FleetNodeRun.State end, String why) {
        if (row.state().finished()) {
            return;
        }
        row.finish(end, why, clock.instant());
        String action = "node: " + spec.label();
        String label = row.node().label();
        switch (end) {
            case OK -> {
                activity.succeeded(action, label, why.isEmpty() ? "ok (fleet run)" : why + " (fleet run)");
                row.node().lastResult().accept("ok: " + spec.label());
            }
            case FAILED -> {
                activity.failed(action, label, new IllegalStateException(why));
                row.node().lastResult().accept("FAILED: " + spec.label());
            }
            default -> {
                activity.cancelled(action, label);
                row.node().lastResult().accept("cancelled: " + spec.label());
            }
        }
        startMore();
    }
}
