package org.slapdesk.gui.servers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slapdesk.core.fleet.FleetChange;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.fleet.Tracked;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.health.HealthRules;
import org.slapdesk.core.master.Master;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.model.ComputeNodeDetail;
import org.slapdesk.core.model.ComputePartition;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.model.SoftwareInstallation;
import org.slapdesk.gui.activity.ActivityLog;
import org.slapdesk.gui.page.ListPageModel;
import org.slapdesk.gui.page.ListPageSpec;
import org.slapdesk.gui.session.MasterSession;
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
    private final ListPageModel<ServerRow, Tracked<ComputeNodeDetail>> list;
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
                        "Reading servers…",
                        ServersViewModel::nodeDetails,
                        ServersViewModel::nodeOf,
                        ServerRow::reference,
                        ServerRow::new,
                        (row, node) -> row.update(node.value(), node.health(), clock.instant()),
                        (ServerRow r) -> Stream.concat(
                                Stream.of(
                                        r.titleProperty().get(),
                                        r.reference(),
                                        r.health() == null
                                                ? ""
                                                : r.health().level().name()),
                                softwareHealthTokens(r)),
                        ServerRow::health));
        list.selectedProperty().addListener((o, was, now) -> showDetail(now));
        list.onRowChanged(row -> {
            if (row == list.selectedProperty().get()) {
                showDetail(row);
            }
        });
    }

    /** "software:red" and the like, so a filter can keep the servers whose software has that colour. */
    private Stream<String> softwareHealthTokens(ServerRow row) {
        if (row.detail() == null) {
            return Stream.empty();
        }
        return row.detail().software().stream()
                .map(s -> "software:"
                        + rules.softwareInstallation(s.status()).level().name().toLowerCase(Locale.ROOT))
                .distinct();
    }

    /** The servers table: rows, filter, selection, refresh. */
    public ListPageModel<ServerRow, Tracked<ComputeNodeDetail>> list() {
        return list;
    }

    public ObservableList<PartitionRow> partitions() {
        return partitions;
    }

    public ObservableList<SoftwareRow> software() {
        return software;
    }

    /** Each node of the snapshot with its partitions and software, by reference. */
    static Map<String, Tracked<ComputeNodeDetail>> nodeDetails(FleetSnapshot snapshot) {
        Map<String, List<ComputePartition>> partitions = new HashMap<>();
        snapshot.partitions().forEach((key, p) -> partitions
                .computeIfAbsent(nodeOfKey(key, '/'), k -> new ArrayList<>())
                .add(p.value()));
        Map<String, List<SoftwareInstallation>> software = new HashMap<>();
        snapshot.installations()
                .forEach((key, s) -> software.computeIfAbsent(nodeOfKey(key, ' '), k -> new ArrayList<>())
                        .add(s.value()));
        Map<String, Tracked<ComputeNodeDetail>> details = new HashMap<>();
        snapshot.nodes().forEach((reference, node) -> {
            List<ComputePartition> nodePartitions = new ArrayList<>(partitions.getOrDefault(reference, List.of()));
            nodePartitions.sort(Comparator.comparing(ComputePartition::reference));
            List<SoftwareInstallation> nodeSoftware = new ArrayList<>(software.getOrDefault(reference, List.of()));
            nodeSoftware.sort(Comparator.comparing(SoftwareInstallation::softwareReleaseUrl));
            details.put(
                    reference,
                    new Tracked<>(
                            new ComputeNodeDetail(node.value(), List.copyOf(nodePartitions), List.copyOf(nodeSoftware)),
                            node.health()));
        });
        return details;
    }

    /** The node a change of the fleet touches: a partition or software change is its node's. */
    static Optional<String> nodeOf(FleetChange change) {
        return switch (change.kind()) {
            case NODE -> Optional.of(change.key());
            case PARTITION -> Optional.of(nodeOfKey(change.key(), '/'));
            case SOFTWARE_INSTALLATION -> Optional.of(nodeOfKey(change.key(), ' '));
            case INSTANCE_TREE -> Optional.empty();
        };
    }

    private static String nodeOfKey(String key, char separator) {
        int at = key.indexOf(separator);
        return at < 0 ? key : key.substring(0, at);
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
