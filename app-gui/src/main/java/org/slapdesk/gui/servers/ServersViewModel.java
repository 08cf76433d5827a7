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
import java.util.function.Predicate;
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
    private final NodeTokenModel tokens;

    public ServersViewModel(
            MasterSession session, TaskService tasks, HealthRules rules, ActivityLog activity, Clock clock) {
        this.session = session;
        this.tasks = tasks;
        this.rules = rules;
        this.activity = activity;
        this.tokens = new NodeTokenModel(session, tasks, activity);
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

    /** The Token button: registration tokens, and the embedded master's CA they need. */
    public NodeTokenModel tokens() {
        return tokens;
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

    /**
     * The nodes of the snapshot that {@code wanted} accepts, each with its partitions and software,
     * by reference: an update of 100 servers builds 100 details, not one per server of the fleet.
     */
    static Map<String, Tracked<ComputeNodeDetail>> nodeDetails(FleetSnapshot snapshot, Predicate<String> wanted) {
        Map<String, List<ComputePartition>> partitions = new HashMap<>();
        snapshot.partitions().forEach((key, p) -> {
            String node = nodeOfKey(key, '/');
            if (wanted.test(node)) {
                partitions.computeIfAbsent(node, k -> new ArrayList<>()).add(p.value());
            }
        });
        Map<String, List<SoftwareInstallation>> software = new HashMap<>();
        snapshot.installations().forEach((key, s) -> {
            String node = nodeOfKey(key, ' ');
            if (wanted.test(node)) {
                software.computeIfAbsent(node, k -> new ArrayList<>()).add(s.value());
            }
        });
        Map<String, Tracked<ComputeNodeDetail>> details = new HashMap<>();
        snapshot.nodes().forEach((reference, node) -> {
            if (!wanted.test(reference)) {
                return;
            }
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
        supply(releaseUrl, List.of(nodeReference));
    }

    /** Supplies one release to every server given, in one task, with a result per server. */
    public void supply(String releaseUrl, List<String> nodeReferences) {
        runOnServers(
                new Verb("Supply", "Supplied", "to"),
                releaseUrl,
                nodeReferences,
                (master, node) -> master.supply(releaseUrl, node));
    }

    public void remove(String releaseUrl, String nodeReference) {
        remove(releaseUrl, List.of(nodeReference));
    }

    /** Removes one release from every server given, in one task, with a result per server. */
    public void remove(String releaseUrl, List<String> nodeReferences) {
        runOnServers(
                new Verb("Remove", "Removed", "from"),
                releaseUrl,
                nodeReferences,
                (master, node) -> master.remove(releaseUrl, node));
    }

    /** The releases supplied to any of these servers, for Remove on several. */
    public List<String> releasesOn(List<ServerRow> servers) {
        return servers.stream()
                .filter(row -> row.detail() != null)
                .flatMap(row -> row.detail().software().stream())
                .map(SoftwareInstallation::softwareReleaseUrl)
                .distinct()
                .sorted()
                .toList();
    }

    private interface ServerAction {
        void run(Master master, String nodeReference) throws Exception;
    }

    /** How an action is named: "Supply" in titles, "Supplied … to …" when it is done. */
    private record Verb(String name, String done, String preposition) {}

    private void runOnServers(Verb verb, String releaseUrl, List<String> nodes, ServerAction action) {
        Optional<Master> master = session.master();
        if (master.isEmpty() || nodes.isEmpty()) {
            return;
        }
        String release = Releases.shortName(releaseUrl);
        String where = nodes.size() == 1 ? nodes.get(0) : nodes.size() + " servers";
        tasks.task(verb.name() + " " + release + " on " + where, context -> {
                    List<String> done = new ArrayList<>();
                    Map<String, Exception> failed = new LinkedHashMap<>();
                    for (String node : nodes) {
                        context.checkCancelled();
                        try {
                            action.run(master.get(), node);
                            done.add(node);
                            context.message(node + ": done");
                        } catch (InterruptedException e) {
                            throw e;
                        } catch (Exception e) {
                            if (nodes.size() == 1) {
                                throw e;
                            }
                            failed.put(node, e);
                            context.message(node + ": failed, " + e.getMessage());
                        }
                        context.progress((double) (done.size() + failed.size()) / nodes.size());
                    }
                    if (done.isEmpty()) {
                        throw new ServersFailedException(failed);
                    }
                    return new ServerOutcomes(List.copyOf(done), failed);
                })
                .onSuccess(outcome -> {
                    outcome.done().forEach(node -> activity.succeeded(verb.name(), releaseUrl + " on " + node, ""));
                    outcome.failed()
                            .forEach((node, error) -> activity.failed(verb.name(), releaseUrl + " on " + node, error));
                    tasks.notifications()
                            .success(
                                    verb.done() + " " + release + " " + verb.preposition() + " "
                                            + ServerOutcomes.names(outcome.done()),
                                    releaseUrl);
                    if (!outcome.failed().isEmpty()) {
                        tasks.notifications()
                                .error(
                                        verb.name() + " " + release + " failed on "
                                                + outcome.failed().size() + " of " + nodes.size() + " servers",
                                        new ServersFailedException(outcome.failed()));
                    }
                    list.refresh();
                })
                .onFailure(error -> {
                    Map<String, Throwable> byServer = error instanceof ServersFailedException each
                            ? new LinkedHashMap<>(each.failed())
                            : Map.of(nodes.get(0), error);
                    byServer.forEach((node, cause) -> activity.failed(verb.name(), releaseUrl + " on " + node, cause));
                })
                .start();
    }
}
