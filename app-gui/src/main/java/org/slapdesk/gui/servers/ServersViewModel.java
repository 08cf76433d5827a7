package org.slapdesk.gui.servers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.health.HealthRules;
import org.slapdesk.core.master.Master;
import org.slapdesk.core.model.AccessStatus;
import org.slapdesk.core.model.ComputeNode;
import org.slapdesk.core.model.ComputeNodeDetail;
import org.slapdesk.core.model.ComputePartition;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.model.SoftwareInstallation;
import org.slapdesk.gui.activity.ActivityLog;
import org.slapdesk.gui.live.SerialRefresh;
import org.slapdesk.gui.profile.Profile;
import org.slapdesk.gui.session.MasterSession;
import org.slapdesk.gui.task.TaskContext;
import org.slapdesk.gui.task.TaskService;
import org.slapdesk.gui.util.Releases;
import org.slapdesk.gui.util.RowMerge;
import org.slapdesk.gui.util.TextFilter;

/** The Servers page: nodes with health, the selected node's partitions and supplied software, and the node actions. */
public final class ServersViewModel {

    private static final String EMPTY = "No server yet. Servers appear here once a node registers with this master "
            + "('slapos node register', or the Nodes page).";

    private final MasterSession session;
    private final TaskService tasks;
    private final HealthRules rules;
    private final ActivityLog activity;
    private final Clock clock;

    private final ObservableList<ServerRow> rows = FXCollections.observableArrayList();
    private final FilteredList<ServerRow> visibleRows = new FilteredList<>(rows);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<ServerRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<PartitionRow> partitions = FXCollections.observableArrayList();
    private final ObservableList<SoftwareRow> software = FXCollections.observableArrayList();
    private final SerialRefresh<List<ComputeNodeDetail>> refresher;

    public ServersViewModel(
            MasterSession session, TaskService tasks, HealthRules rules, ActivityLog activity, Clock clock) {
        this.session = session;
        this.tasks = tasks;
        this.rules = rules;
        this.activity = activity;
        this.clock = clock;
        this.refresher = new SerialRefresh<>(
                session,
                tasks,
                "Refresh servers",
                "Cannot read the servers from the master",
                ServersViewModel::readNodes,
                this::apply);
        filter.addListener((o, was, now) -> visibleRows.setPredicate(TextFilter.of(
                now,
                (ServerRow r) -> Stream.of(
                        r.titleProperty().get(),
                        r.reference(),
                        r.health() == null ? "" : r.health().level().name()))));
        selected.addListener((o, was, now) -> showDetail(now));
        session.masterProperty().addListener((o, was, now) -> {
            if (now == null) {
                rows.clear();
            }
        });
    }

    public ObservableList<ServerRow> rows() {
        return rows;
    }

    /** The rows the filter lets through; the table shows these. */
    public FilteredList<ServerRow> visibleRows() {
        return visibleRows;
    }

    /** What the empty table says. */
    public StringBinding emptyText() {
        return session.emptyListText(EMPTY);
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<ServerRow> selectedProperty() {
        return selected;
    }

    public ObservableList<PartitionRow> partitions() {
        return partitions;
    }

    public ObservableList<SoftwareRow> software() {
        return software;
    }

    public BooleanBinding connectedProperty() {
        return session.masterProperty().isNotNull();
    }

    public ReadOnlyBooleanProperty refreshingProperty() {
        return refresher.refreshingProperty();
    }

    public void afterRefresh(Runnable action) {
        refresher.afterRefresh(action);
    }

    /** Reads every node and its detail off the FX thread; while one runs, one more is queued. */
    public void refresh() {
        refresher.refresh();
    }

    private static List<ComputeNodeDetail> readNodes(Master master, TaskContext context) throws Exception {
        List<ComputeNodeDetail> details = new ArrayList<>();
        for (ComputeNode node : master.nodes()) {
            context.checkCancelled();
            ComputeNodeDetail detail = master.node(node.reference());
            if (detail.node().status().isEmpty()) {
                // the SLAP computer document may omit the access status: ask getComputerStatus
                Optional<AccessStatus> status = master.nodeStatus(node.reference());
                if (status.isPresent()) {
                    detail = new ComputeNodeDetail(
                            new ComputeNode(detail.node().reference(), node.title(), status),
                            detail.partitions(),
                            detail.software());
                }
            }
            details.add(detail);
        }
        return details;
    }

    /** Merges fresh data into the rows: changed rows update in place, new ones are added, gone ones removed. */
    public void apply(List<ComputeNodeDetail> details) {
        RowMerge.merge(
                rows, details, ServerRow::reference, d -> d.node().reference(), ServerRow::new, (row, detail) -> {
                    boolean changed =
                            row.update(detail, rules.node(detail.node().status()), clock.instant());
                    if (changed && row == selected.get()) {
                        showDetail(row);
                    }
                });
    }

    private void showDetail(ServerRow row) {
        if (row == null || row.detail() == null) {
            partitions.clear();
            software.clear();
            return;
        }
        List<PartitionRow> partitionRows = new ArrayList<>();
        for (ComputePartition p : row.detail().partitions()) {
            partitionRows.add(new PartitionRow(
                    p.reference(),
                    p.state().name().toLowerCase(Locale.ROOT),
                    p.instanceTitle().orElse(""),
                    p.softwareReleaseUrl().orElse(""),
                    partitionHealth(p)));
        }
        List<SoftwareRow> softwareRows = new ArrayList<>();
        for (SoftwareInstallation s : row.detail().software()) {
            softwareRows.add(new SoftwareRow(
                    s.softwareReleaseUrl(), s.requestedState(), rules.softwareInstallation(s.status())));
        }
        if (!partitions.equals(partitionRows)) {
            partitions.setAll(partitionRows);
        }
        if (!software.equals(softwareRows)) {
            software.setAll(softwareRows);
        }
    }

    private Health partitionHealth(ComputePartition partition) {
        if (partition.instanceTitle().isEmpty()) {
            return Health.grey("Free");
        }
        return rules.instance(
                partition.status(), false, partition.requestedState().orElse(RequestedState.STARTED));
    }

    /** Releases to offer in Supply: the profile's product aliases, then every release seen on a node. */
    public List<ReleaseChoice> knownReleases(List<String> releasesInServices) {
        Map<String, ReleaseChoice> choices = new LinkedHashMap<>();
        Profile profile = session.profileProperty().get();
        if (profile != null) {
            profile.aliases().forEach((alias, url) -> choices.putIfAbsent(url, new ReleaseChoice(alias, url, "alias")));
        }
        for (ServerRow row : rows) {
            if (row.detail() != null) {
                row.detail()
                        .software()
                        .forEach(s -> choices.putIfAbsent(
                                s.softwareReleaseUrl(),
                                new ReleaseChoice(
                                        Releases.shortName(s.softwareReleaseUrl()),
                                        s.softwareReleaseUrl(),
                                        "supplied")));
            }
        }
        releasesInServices.forEach(
                url -> choices.putIfAbsent(url, new ReleaseChoice(Releases.shortName(url), url, "requested")));
        return List.copyOf(choices.values());
    }

    public void supply(String releaseUrl, String nodeReference) {
        runAction("Supply", releaseUrl, nodeReference, master -> master.supply(releaseUrl, nodeReference));
    }

    public void remove(String releaseUrl, String nodeReference) {
        runAction("Remove", releaseUrl, nodeReference, master -> master.remove(releaseUrl, nodeReference));
    }

    /** Asks the master for a node registration token; the answer (empty when the master gives none) goes to {@code onToken}. */
    public void requestToken(Consumer<Optional<String>> onToken) {
        Optional<Master> master = session.master();
        if (master.isEmpty()) {
            return;
        }
        tasks.task("Get a node registration token", context -> master.get().nodeToken())
                .onSuccess(token -> {
                    activity.succeeded(
                            "Token", master.get().url(), token.isPresent() ? "issued" : "not offered by this master");
                    onToken.accept(token);
                })
                .start();
    }

    private interface MasterAction {
        void run(Master master) throws Exception;
    }

    private void runAction(String verb, String releaseUrl, String nodeReference, MasterAction action) {
        Optional<Master> master = session.master();
        if (master.isEmpty()) {
            return;
        }
        String target = releaseUrl + " on " + nodeReference;
        tasks.task(verb + " " + Releases.shortName(releaseUrl) + " on " + nodeReference, context -> {
                    action.run(master.get());
                    return null;
                })
                .onSuccess(done -> {
                    activity.succeeded(verb, target, "");
                    refresh();
                })
                .onFailure(error -> activity.failed(verb, target, error))
                .start();
    }
}
