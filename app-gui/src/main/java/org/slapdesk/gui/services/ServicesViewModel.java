package org.slapdesk.gui.services;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slapdesk.core.fleet.FleetKind;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.fleet.Tracked;
import org.slapdesk.core.health.HealthRules;
import org.slapdesk.core.master.Master;
import org.slapdesk.core.master.MasterException;
import org.slapdesk.core.model.InstanceRequest;
import org.slapdesk.core.model.InstanceTree;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.model.ServiceDetail;
import org.slapdesk.core.model.SoftwareInstance;
import org.slapdesk.core.monitor.ServiceHealth;
import org.slapdesk.core.monitor.ServicePromises;
import org.slapdesk.gui.activity.ActivityLog;
import org.slapdesk.gui.page.ListPageModel;
import org.slapdesk.gui.page.ListPageSpec;
import org.slapdesk.gui.session.MasterSession;
import org.slapdesk.gui.task.TaskItem;
import org.slapdesk.gui.task.TaskService;

/** The Services page: instance trees with health, the selected one's instances and parameters, and the service actions. */
public final class ServicesViewModel {

    static final String WAITING = "waiting for a partition";
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private static final String EMPTY = "No service yet. Use Request… (Ctrl+N) to request one.";

    private final MasterSession session;
    private final TaskService tasks;
    private final HealthRules rules;
    private final ActivityLog activity;
    private final ListPageModel<ServiceRow, Tracked<InstanceTree>> list;
    private final ObjectProperty<ServiceDetail> detail = new SimpleObjectProperty<>();
    private final ObservableList<InstanceRow> instances = FXCollections.observableArrayList();
    private final ObservableList<KeyValue> parameters = FXCollections.observableArrayList();
    private final ObservableList<KeyValue> connectionParameters = FXCollections.observableArrayList();
    private final StringProperty pendingRequest = new SimpleStringProperty("");
    private final StringProperty selectedState = new SimpleStringProperty();
    private final ChangeListener<String> followSelectedState = (o, was, now) -> selectedState.set(now);
    private TaskItem pendingTask;

    public ServicesViewModel(
            MasterSession session, TaskService tasks, HealthRules rules, ActivityLog activity, Clock clock) {
        this(session, tasks, rules, activity, clock, new SimpleObjectProperty<>(Map.of()));
    }

    /** {@code promises}: the instance monitors' last promises by service title; a failing one colours its service. */
    public ServicesViewModel(
            MasterSession session,
            TaskService tasks,
            HealthRules rules,
            ActivityLog activity,
            Clock clock,
            ObservableValue<Map<String, ServicePromises>> promises) {
        this.session = session;
        this.tasks = tasks;
        this.rules = rules;
        this.activity = activity;
        this.list = new ListPageModel<>(
                session,
                tasks,
                new ListPageSpec<>(
                        EMPTY,
                        "Reading services…",
                        ServicesViewModel::trees,
                        change ->
                                change.kind() == FleetKind.INSTANCE_TREE ? Optional.of(change.key()) : Optional.empty(),
                        ServiceRow::title,
                        ServiceRow::new,
                        (row, tree) -> row.update(
                                tree.value(),
                                ServiceHealth.withPromises(
                                        tree.health(),
                                        Optional.ofNullable(promises.getValue()
                                                .get(tree.value().title()))),
                                clock.instant()),
                        (ServiceRow r) -> Stream.of(
                                r.title(),
                                r.releaseProperty().get(),
                                r.softwareTypeProperty().get(),
                                r.requestedStateProperty().get(),
                                r.health() == null ? "" : r.health().level().name()),
                        ServiceRow::health));
        promises.addListener((o, was, now) -> list.reapply());
        list.onApplied(this::loadDetail);
        list.selectedProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.requestedStateProperty().removeListener(followSelectedState);
            }
            if (now != null) {
                now.requestedStateProperty().addListener(followSelectedState);
            }
            selectedState.set(now == null ? null : now.requestedStateProperty().get());
            detail.set(null);
            showDetail(null);
            loadDetail();
        });
    }

    /** Whether the selected service, in the state it was last asked into, offers {@code action}. */
    public BooleanBinding offers(ServiceAction action) {
        return Bindings.createBooleanBinding(
                () -> ServiceAction.offeredFor(selectedState.get()).contains(action), selectedState);
    }

    /** The services table: rows, filter, selection, refresh. */
    public ListPageModel<ServiceRow, Tracked<InstanceTree>> list() {
        return list;
    }

    public ObservableList<InstanceRow> instances() {
        return instances;
    }

    public ObservableList<KeyValue> parameters() {
        return parameters;
    }

    public ObservableList<KeyValue> connectionParameters() {
        return connectionParameters;
    }

    /** "" when no request waits; otherwise what the pending request is doing (e.g. waiting for a partition). */
    public ReadOnlyStringProperty pendingRequestProperty() {
        return pendingRequest;
    }

    /** Stops the request that waits for a partition (the banner's Cancel). */
    public void cancelPendingRequest() {
        if (pendingTask != null) {
            pendingTask.cancel();
        }
    }

    public List<String> releasesInUse() {
        return list.rows().stream()
                .map(r -> r.releaseProperty().get())
                .distinct()
                .toList();
    }

    /** Every service: the snapshot holds them by title already, so asking for fewer saves nothing. */
    private static Map<String, Tracked<InstanceTree>> trees(FleetSnapshot snapshot, Predicate<String> wanted) {
        return snapshot.services();
    }

    private void loadDetail() {
        ServiceRow row = list.selectedProperty().get();
        Optional<Master> master = session.master();
        if (row == null || master.isEmpty()) {
            return;
        }
        tasks.task("Read service " + row.title(), context -> master.get().service(row.title()))
                .quiet()
                .onSuccess(fresh -> {
                    if (list.selectedProperty().get() == row) {
                        detail.set(fresh);
                        showDetail(fresh);
                    }
                })
                .onFailure(error -> {
                    if (!(error instanceof MasterException.NotFound)) {
                        tasks.notifications().error("Cannot read the service " + row.title(), error);
                    }
                })
                .start();
    }

    private void showDetail(ServiceDetail fresh) {
        if (fresh == null) {
            instances.clear();
            parameters.clear();
            connectionParameters.clear();
            return;
        }
        List<InstanceRow> instanceRows = new ArrayList<>();
        for (SoftwareInstance instance : fresh.instances()) {
            String location = instance.computeNodeReference().orElse("")
                    + instance.partitionReference().map(p -> " / " + p).orElse("");
            instanceRows.add(new InstanceRow(
                    instance.title(),
                    instance.softwareType(),
                    instance.requestedState().wireName(),
                    location,
                    instance.shared(),
                    rules.instance(instance)));
        }
        SoftwareInstance root = fresh.instances().stream()
                .filter(i -> i.title().equals(fresh.tree().title()))
                .findFirst()
                .orElse(fresh.instances().isEmpty() ? null : fresh.instances().get(0));
        List<KeyValue> parameterRows = root == null ? List.of() : sorted(root.parameters());
        List<KeyValue> connectionRows = root == null ? List.of() : sorted(root.connectionParameters());
        if (!instances.equals(instanceRows)) {
            instances.setAll(instanceRows);
        }
        if (!parameters.equals(parameterRows)) {
            parameters.setAll(parameterRows);
        }
        if (!connectionParameters.equals(connectionRows)) {
            connectionParameters.setAll(connectionRows);
        }
    }

    private static List<KeyValue> sorted(Map<String, String> values) {
        return new TreeMap<>(values)
                .entrySet().stream()
                        .map(e -> new KeyValue(e.getKey(), e.getValue()))
                        .toList();
    }

    /** The selected service's current request, to pre-fill the dialog when editing parameters. */
    public Optional<ServiceDetail> selectedDetail() {
        return Optional.ofNullable(detail.get());
    }

    public void changeState(String title, RequestedState state) {
        Optional<Master> master = session.master();
        if (master.isEmpty()) {
            return;
        }
        String verb = StateVerbs.verb(state);
        tasks.task(verb + " " + title, context -> master.get().changeState(title, state))
                .onSuccess(instance -> {
                    activity.succeeded(verb, title, "requested");
                    tasks.notifications().success(verb + " requested for " + title, StateVerbs.next(state));
                    list.refresh();
                })
                .onFailure(error -> activity.failed(verb, title, error))
                .start();
    }

    /**
     * Sends a request; while the master answers "not ready" the task says it is waiting for a
     * partition and retries by itself, with a growing pause, until it succeeds or is cancelled.
     * Returns null (and says why) when no master is connected.
     */
    public TaskItem request(InstanceRequest request) {
        Optional<Master> connected = session.master();
        if (connected.isEmpty()) {
            tasks.notifications()
                    .error(
                            "Cannot request " + request.title(),
                            new IllegalStateException("no master is connected: choose a profile first"));
            return null;
        }
        Master master = connected.get();
        pendingRequest.set("");
        TaskItem item = tasks.task("Request " + request.title(), context -> {
                    Duration pause = FIRST_RETRY;
                    int attempt = 1;
                    while (true) {
                        context.checkCancelled();
                        try {
                            return master.request(request);
                        } catch (MasterException.NotReady notReady) {
                            String text = request.title() + ": " + WAITING + " (try " + attempt + ", next in "
                                    + pause.getSeconds() + " s)";
                            context.message(text);
                            tasks.onFxThread(() -> pendingRequest.set(text));
                            context.sleep(pause);
                            pause = pause.multipliedBy(2).compareTo(LONGEST_RETRY) > 0
                                    ? LONGEST_RETRY
                                    : pause.multipliedBy(2);
                            attempt++;
                        }
                    }
                })
                .onSuccess(instance -> {
                    String placed = instance.partitionReference()
                            .map(p -> "allocated on "
                                    + instance.computeNodeReference().orElse("?") + " / " + p)
                            .orElse("accepted");
                    activity.succeeded("Request", request.title(), placed);
                    tasks.notifications().success("Requested " + request.title(), placed);
                    list.refresh();
                })
                .onFailure(error -> activity.failed("Request", request.title(), error))
                .onCancelled(() -> activity.cancelled("Request", request.title()))
                .onDone(() -> {
                    pendingRequest.set("");
                    pendingTask = null;
                })
                .start();
        if (!item.state().finished()) {
            pendingTask = item;
        }
        return item;
    }
}
