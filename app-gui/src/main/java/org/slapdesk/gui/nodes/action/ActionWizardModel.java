package org.slapdesk.gui.nodes.action;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.gui.activity.ActivityLog;
import org.slapdesk.gui.task.TaskItem;
import org.slapdesk.gui.task.TaskService;
import org.slapdesk.remote.action.ApplyResult;
import org.slapdesk.remote.action.NodeAction;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.PlanFailedException;
import org.slapdesk.remote.action.PlanRunner;
import org.slapdesk.remote.action.ProgressListener;
import org.slapdesk.remote.action.Step;
import org.slapdesk.remote.action.bridge.BridgeAction;
import org.slapdesk.remote.action.bridge.UnbridgeAction;
import org.slapdesk.remote.action.slapos.SlaposNode;

/**
 * The one action wizard: pick an action, fill its form (checked as it is typed, with
 * node-remote's own messages), preview the plan (exact commands, file diffs, notes; secrets
 * masked), apply it with step progress, streamed output and Cancel, and see the result:
 * verified, or the failure with what was undone. Every apply writes an audit-log entry. FX thread.
 */
public final class ActionWizardModel {

    private static final int OUTPUT_KEPT = 5000;

    private final TaskService tasks;
    private final ActivityLog activity;
    private final Clock clock;
    private final Supplier<Optional<NodeHandle>> node;
    private final Supplier<SlaposNode> slapos;

    private final ObjectProperty<ActionSpec> action = new SimpleObjectProperty<>();
    private final ObservableList<FieldValue> fields = FXCollections.observableArrayList();
    private final StringProperty problem = new SimpleStringProperty("");
    private final ObjectProperty<WizardState> state = new SimpleObjectProperty<>(WizardState.EDITING);
    private final StringProperty planText = new SimpleStringProperty("");
    private final StringProperty result = new SimpleStringProperty("");
    private final StringProperty stepText = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final ObservableList<String> output = FXCollections.observableArrayList();
    private final ObjectProperty<Instant> revertsAt = new SimpleObjectProperty<>();

    private Supplier<Optional<RegisterMaster>> registerMaster = Optional::empty;
    private NodeAction plannedAction;
    private Plan plan;
    private NodeHandle plannedOn;
    private TaskItem running;
    private CancellationToken applying;

    public ActionWizardModel(
            TaskService tasks,
            ActivityLog activity,
            Clock clock,
            Supplier<Optional<NodeHandle>> node,
            Supplier<SlaposNode> slapos) {
        this.tasks = tasks;
        this.activity = activity;
        this.clock = clock;
        this.node = node;
        this.slapos = slapos;
        action.addListener((o, was, now) -> {
            fields.setAll(
                    now == null
                            ? List.of()
                            : now.fields().stream().map(FieldValue::of).toList());
            if (now != null && now.id().equals("register")) {
                registerMaster.get().ifPresent(this::prefill);
            }
            fields.forEach(f -> f.value().addListener((x, before, after) -> edited()));
            edited();
        });
        action.set(ActionCatalog.all().get(0));
    }

    /** Where the register form's master URLs come from: the profile in use (nothing is assumed without one). */
    public void registerWith(Supplier<Optional<RegisterMaster>> master) {
        registerMaster = master;
    }

    private void prefill(RegisterMaster master) {
        for (FieldValue f : fields) {
            String value =
                    switch (f.field().key()) {
                        case "master" -> master.url();
                        case "web" -> master.webUrl();
                        default -> "";
                    };
            if (!value.isEmpty()) {
                f.value().set(value);
            }
        }
    }

    public List<ActionSpec> catalog() {
        return ActionCatalog.all();
    }

    public ObjectProperty<ActionSpec> actionProperty() {
        return action;
    }

    public ObservableList<FieldValue> fields() {
        return fields;
    }
    /** The form's problem as node-remote words it; empty when the form is good. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public ReadOnlyObjectProperty<WizardState> stateProperty() {
        return state;
    }

    public ReadOnlyStringProperty planTextProperty() {
        return planText;
    }

    public ReadOnlyStringProperty resultProperty() {
        return result;
    }

    public ReadOnlyStringProperty stepTextProperty() {
        return stepText;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public ObservableList<String> output() {
        return output;
    }
    /** When a bridge's node puts its previous network back unless confirmed; null otherwise. */
    public ReadOnlyObjectProperty<Instant> revertsAtProperty() {
        return revertsAt;
    }

    public Optional<Plan> plan() {
        return Optional.ofNullable(plan);
    }

    /** Sets a field by its key (the view binds the controls; tests and prefill use this). */
    public void set(String key, String value) {
        fields.stream()
                .filter(f -> f.field().key().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "the action " + action.get().id() + " has no field " + key))
                .value()
                .set(value);
    }

    public void choose(String id) {
        action.set(ActionCatalog.find(id).orElseThrow(() -> new IllegalArgumentException("no action " + id)));
    }

    /** What the form holds now (checked or not: see {@link #problemProperty()}). */
    public ActionValues values() {
        Map<String, String> map = new LinkedHashMap<>();
        fields.forEach(f -> map.put(
                f.field().key(), f.value().get() == null ? "" : f.value().get()));
        return new ActionValues(map);
    }

    private void edited() {
        if (state.get().busy()) {
            return;
        }
        state.set(WizardState.EDITING);
        plan = null;
        plannedAction = null;
        planText.set("");
        result.set("");
        problem.set(check().orElse(""));
    }

    private Optional<String> check() {
        ActionSpec spec = action.get();
        if (spec == null) {
            return Optional.of("Choose an action");
        }
        try {
            spec.validate(values(), ActionContext.unconnected(slapos.get()));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Plans the action on the connected node (or runs a read-only query) off the FX thread. */
    public void preview() {
        ActionSpec spec = action.get();
        Optional<String> bad = check();
        if (bad.isPresent() || state.get().busy()) {
            bad.ifPresent(problem::set);
            return;
        }
        Optional<NodeHandle> handle = node.get();
        if (handle.isEmpty()) {
            problem.set("Connect to a node first (select it above and press Connect)");
            return;
        }
        NodeHandle on = handle.get();
        ActionContext context = new ActionContext(slapos.get(), on.reconnect());
        ActionValues values = values();
        output.clear();
        result.set("");
        if (!spec.changesTheNode()) {
            state.set(WizardState.QUERYING);
            running = tasks.task(spec.label() + " on " + on.label(), c -> spec.query()
                            .run(on.connection(), values, context))
                    .onSuccess(text -> {
                        output.setAll(text.lines().toList());
                        result.set(spec.label() + " on " + on.label());
                        state.set(WizardState.ANSWERED);
                    })
                    .onFailure(e -> {
                        result.set(String.valueOf(e.getMessage()));
                        state.set(WizardState.FAILED);
                    })
                    .onCancelled(() -> state.set(WizardState.EDITING))
                    .start();
            return;
        }
        NodeAction built = spec.builder().build(values, context);
        state.set(WizardState.PLANNING);
        running = tasks.task("Plan: " + built.title() + " on " + on.label(), c -> built.plan(on.connection()))
                .onSuccess(p -> {
                    plannedAction = built;
                    plan = p;
                    plannedOn = on;
                    planText.set(p.preview());
                    state.set(WizardState.PREVIEW);
                })
                .onFailure(e -> {
                    result.set("Cannot plan: " + e.getMessage());
                    state.set(WizardState.FAILED);
                })
                .onCancelled(() -> state.set(WizardState.EDITING))
                .start();
    }

    /** True when a previewed plan has steps to apply. */
    public boolean canApply() {
        return state.get() == WizardState.PREVIEW && plan != null && !plan.isEmpty();
    }

    /** Applies the previewed plan, streaming its steps and output; verifies; rolls back on failure. */
    public void apply() {
        if (!canApply()) {
            return;
        }
        NodeAction act = plannedAction;
        Plan p = plan;
        NodeHandle on = plannedOn;
        CancellationToken cancel = new CancellationToken();
        applying = cancel;
        output.clear();
        progress.set(0);
        stepText.set("");
        state.set(WizardState.APPLYING);
        ProgressListener listener = listener(act, p);
        running = tasks.task(p.title() + " on " + on.label(), c -> new PlanRunner(on.connection())
                        .apply(act, p, listener, cancel))
                .onSuccess((ApplyResult r) -> {
                    revertsAt.set(null);
                    progress.set(1);
                    result.set(r.summary());
                    stepText.set("done");
                    state.set(WizardState.SUCCEEDED);
                    activity.succeeded("node: " + p.title(), on.label(), "applied and verified");
                    on.lastResult().accept("ok: " + p.title());
                })
                .onFailure(e -> {
                    boolean bridgeCut = confirmWithin(act).isPresent() && revertsAt.get() != null;
                    revertsAt.set(null);
                    String text = (bridgeCut ? "Not confirmed, the node goes back to its previous network: " : "")
                            + String.valueOf(e.getMessage());
                    result.set(text);
                    stepText.set(
                            e instanceof PlanFailedException f
                                            && f.rollbackProblems().isEmpty()
                                    ? "failed: rolled back"
                                    : "failed");
                    state.set(WizardState.FAILED);
                    activity.failed("node: " + p.title(), on.label(), e);
                    on.lastResult().accept("FAILED: " + p.title());
                })
                .start();
    }

    /** How long the node waits for a confirmation after its network switch (the last step), for the actions that switch it. */
    private static Optional<Duration> confirmWithin(NodeAction act) {
        if (act instanceof BridgeAction bridge) {
            return Optional.of(bridge.settings().confirmWithin());
        }
        if (act instanceof UnbridgeAction unbridge) {
            return Optional.of(unbridge.settings().confirmWithin());
        }
        return Optional.empty();
    }

    /** Streams the apply into the wizard, with the plan's secrets (tokens) masked in every line as the preview masks them. */
    private ProgressListener listener(NodeAction act, Plan p) {
        SecretMask secrets = SecretMask.of(p);
        UnaryOperator<String> mask = secrets::apply;
        return new ProgressListener() {
            @Override
            public void stepStarted(int index, int total, Step step) {
                Instant switchAt = clock.instant();
                tasks.onFxThread(() -> {
                    stepText.set("Step " + index + " of " + total + ": " + step.description());
                    progress.set((index - 1) / (double) total);
                    line("step " + index + "/" + total + ": " + step.description());
                    Optional<Duration> confirm = confirmWithin(act);
                    if (confirm.isPresent() && index == total && step instanceof Step.CommandStep) {
                        revertsAt.set(switchAt.plus(confirm.get()));
                        line(
                                "confirm-or-revert: reconnecting over a new SSH connection to confirm; the node reverts by itself"
                                        + " within "
                                        + confirm.get().toSeconds() + " s otherwise");
                    }
                });
            }

            @Override
            public void rollingBack(String why) {
                tasks.onFxThread(() -> {
                    stepText.set("Rolling back");
                    line(mask.apply("rolling back: " + why));
                });
            }

            @Override
            public void stdout(String text) {
                String masked = mask.apply(text);
                tasks.onFxThread(() -> line(masked));
            }

            @Override
            public void stderr(String text) {
                String masked = mask.apply(text);
                tasks.onFxThread(() -> line(masked));
            }
        };
    }

    private void line(String text) {
        output.add(text);
        if (output.size() > OUTPUT_KEPT) {
            output.remove(0, output.size() - OUTPUT_KEPT);
        }
    }

    /** Stops planning or a query at once; an apply stops its command and rolls back what it did. */
    public void cancel() {
        if (state.get() == WizardState.APPLYING && applying != null) {
            applying.cancel();
            stepText.set("Cancelling: stopping the command and undoing what was done…");
        } else if (running != null && state.get().busy()) {
            running.cancel();
        }
    }

    /** Back to the form, keeping what was typed. */
    public void back() {
        if (!state.get().busy()) {
            edited();
        }
    }
}
