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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.health.HealthRules;
import org.slapdesk.core.master.Master;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.model.AccessStatus;
import org.slapdesk.core.model.ComputeNode;
import org.slapdesk.core.model.ComputeNodeDetail;
import org.slapdesk.core.model.ComputePartition;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.model.SoftwareInstallation;
import org.slapdesk.gui.activity.ActivityLog;
import org.slapdesk.gui.page.ListPageModel;
import org.slapdesk.gui.page.ListPageSpec;
import org.slapdesk.gui.session.MasterSession;
import org.slapdesk.gui.task.TaskContext;
import org.slapdesk.gui.task.TaskService;
import org.slapdesk.gui.util.Releases;

/** The Servers page: nodes with health, the selected node's partitions and supplied software, and the node actions. */
public final class ServersViewModel {

    private static final String EMPTY = "No server yet. Servers appear here once a node registers with this master "
            + "('slapos node register', or the Nodes page).";

    private final MasterSession session;
    private final TaskService tasks;
    private final HealthRules rules;
    private final ActivityLog activity;
    private final ListPageModel<ServerRow, ComputeNodeDetail> list;
    private final ObservableList<PartitionRow> partitions = FXCollections.observableArrayList();
    private final ObservableList<SoftwareRow> software = FXCollections.observableArrayList();

    public ServersViewModel(
            MasterSession session, TaskService tasks, HealthRules rules, ActivityLog activity, Clock clock) {
        this.session = session;
        this.tasks = tasks;
        this.rules = rules;
        this.activity = activity;
        this.list = new ListPageModel<>(
                session,
                tasks,
                new ListPageSpec<>(
                        EMPTY,
                        "Refresh servers",
                        "Cannot read the servers from the master",
                        ServersViewModel::readNodes,
                        ServerRow::reference,
                        d -> d.node().reference(),
                        ServerRow::new,
                        (row, detail) ->
                                row.update(detail, rules.node(detail.node().status()), clock.instant()),
                        (ServerRow r) -> Stream.of(
                                r.titleProperty().get(),
                                r.reference(),
                                r.health() == null ? "" : r.health().level().name()),
                        ServerRow::health));
        list.selectedProperty().addListener((o, was, now) -> showDetail(now));
        list.onRowChanged(row -> {
            if (row == list.selectedProperty().get()) {
                showDetail(row);
            }
        });
    }

    /** The servers table: rows, filter, selection, refresh. */
    public ListPageModel<ServerRow, ComputeNodeDetail> list() {
        return list;
    }

    public ObservableList<PartitionRow> partitions() {
        return partitions;
    }

    public ObservableList<SoftwareRow> software() {
        return software;
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
        MasterProfile profile = session.profileProperty().get();
        if (profile != null) {
            profile.productAliases()
                    .forEach((alias, url) -> choices.putIfAbsent(url, new ReleaseChoice(alias, url, "alias")));
        }
        for (ServerRow row : list.rows()) {
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
                    list.refresh();
                })
                .onFailure(error -> activity.failed(verb, target, error))
                .start();
    }
}
