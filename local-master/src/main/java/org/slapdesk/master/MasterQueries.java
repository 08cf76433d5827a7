package org.slapdesk.master;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slapdesk.master.store.Database;
import org.slapdesk.master.store.Rows.Changed;
import org.slapdesk.master.store.Rows.Installation;
import org.slapdesk.master.store.Rows.InstallationStatus;
import org.slapdesk.master.store.Rows.Instance;
import org.slapdesk.master.store.Rows.Node;
import org.slapdesk.master.store.Rows.NodeStatus;
import org.slapdesk.master.store.Rows.Partition;
import org.slapdesk.master.store.Rows.PartitionRow;
import org.slapdesk.master.store.Rows.Status;
import org.slapdesk.master.store.Store;

/** What the master knows, read for listings and info pages (HATEOAS, JSON-RPC, the GUI). */
public final class MasterQueries {

    private final Database database;
    private final AccessStatuses statuses;
    private final Documents documents;

    MasterQueries(Database database, AccessStatuses statuses, Documents documents) {
        this.database = database;
        this.statuses = statuses;
        this.documents = documents;
    }

    /** Every query here only reads: on a reader connection, never waiting for a writer. */
    private <T> T tx(Database.StoreWork<T> work) {
        return database.read(work);
    }

    /** A root instance (a service) with what listing and info pages show. */
    public record TreeView(Instance root, Map<String, Object> status, List<Instance> members) {}

    public List<TreeView> trees(String title) {
        return tx(store -> {
            List<TreeView> trees = new ArrayList<>();
            for (Instance root : store.roots()) {
                if (title == null || title.equals(root.title())) {
                    trees.add(new TreeView(
                            root,
                            statuses.dict(store, "instance", root.guid(), "Software Instance"),
                            store.tree(root.title())));
                }
            }
            return trees;
        });
    }

    /** Every node with its access status, or those changed after {@code since} ({@link Store#EVERY_ROW}: all). */
    public Changed<NodeStatus> nodesWithStatus(long since) {
        return tx(store -> store.nodesWithStatus(since));
    }

    /** Every partition a node would read, with its instance, or those changed after {@code since}. */
    public Changed<PartitionRow> partitionRows(long since) {
        return tx(store -> store.partitionRows(since));
    }

    /** Every supplied release with its installation report, or those changed after {@code since}. */
    public Changed<InstallationStatus> installationsWithStatus(long since) {
        return tx(store -> store.installationsWithStatus(since));
    }

    /** The root instances (the services), or those changed after {@code since}. */
    public Changed<Instance> roots(long since) {
        return tx(store -> store.rootsChanged(since));
    }

    /** The status text a node read gives the instance on a busy partition ("no data" when it has none). */
    public String statusText(PartitionRow p) {
        return p.statusText() != null ? p.statusText() : AccessTexts.noData("SOFTINST-" + p.instanceId());
    }

    /** An access status as the bulk listings carry it: text, when written, since when its class holds. */
    public Map<String, Object> brief(Status status) {
        return AccessStatuses.brief(status);
    }

    /** The nodes (only their own row: what a search lists), all or the one named {@code reference}. */
    public List<Node> nodeRows(String reference) {
        return tx(store -> reference == null
                ? store.nodes()
                : store.node(reference).map(List::of).orElse(List.of()));
    }

    /** A node with its partitions, installations and statuses. */
    public record NodeView(
            Node node,
            Map<String, Object> status,
            List<Partition> partitions,
            List<Installation> installations,
            Map<String, Map<String, Object>> installationStatus,
            Map<String, Instance> instanceByPartition,
            Map<String, Map<String, Object>> partitionStatus) {}

    public List<NodeView> nodes(String reference) {
        return tx(store -> {
            List<NodeView> views = new ArrayList<>();
            for (Node n : store.nodes()) {
                if (reference != null && !reference.equals(n.reference())) {
                    continue;
                }
                Map<String, Map<String, Object>> installationStatus = new LinkedHashMap<>();
                List<Installation> installations = store.installations(n.reference());
                for (Installation i : installations) {
                    String key = MasterService.installationKey(n.reference(), i.url());
                    installationStatus.put(i.url(), statuses.dict(store, "installation", key, "Software Installation"));
                }
                Map<String, Instance> byPartition = new LinkedHashMap<>();
                Map<String, Map<String, Object>> partitionStatus = new LinkedHashMap<>();
                List<Partition> partitions = store.partitions(n.reference());
                for (Partition p : partitions) {
                    Optional<Instance> i = store.instanceOnPartition(n.reference(), p.reference());
                    if (i.isPresent()) {
                        byPartition.put(p.reference(), i.get());
                        partitionStatus.put(
                                p.reference(),
                                statuses.dict(store, "instance", i.get().guid(), "Software Instance"));
                    }
                }
                views.add(new NodeView(
                        n,
                        statuses.dict(store, "node", n.reference(), "Compute Node"),
                        partitions,
                        installations,
                        installationStatus,
                        byPartition,
                        partitionStatus));
            }
            return views;
        });
    }

    /** One instance by guid ({@code SOFTINST-N}), with its document. */
    public Optional<Map<String, Object>> instanceByGuid(String guid) {
        Long id = parseGuid(guid);
        if (id == null) {
            return Optional.empty();
        }
        return tx(store -> {
            Optional<Instance> i = store.instance(id);
            return i.isPresent() ? Optional.of(documents.json(store, i.get())) : Optional.<Map<String, Object>>empty();
        });
    }

    public Optional<Map<String, Object>> instanceOnPartitionDocument(String computer, String partition) {
        return tx(store -> {
            Optional<Instance> i = store.instanceOnPartition(computer, partition);
            return i.isPresent() ? Optional.of(documents.json(store, i.get())) : Optional.<Map<String, Object>>empty();
        });
    }

    public Optional<Map<String, Object>> rootDocument(String title) {
        return tx(store -> {
            Optional<Instance> i = store.instance(title, "");
            return i.isPresent() ? Optional.of(documents.json(store, i.get())) : Optional.<Map<String, Object>>empty();
        });
    }

    /** Runs a read with a {@link Store} in one read transaction (for the JSON-RPC layer). */
    public <T> T withStore(Database.StoreWork<T> work) {
        return tx(work);
    }

    /** Reported state by guid (JSON-RPC), same effects as the SLAP reports. */
    public Instance requireInstance(Store store, String guid) throws SQLException {
        Long id = parseGuid(guid);
        Optional<Instance> i = id == null ? Optional.empty() : store.instance(id);
        return i.orElseThrow(() -> RequestError.forbidden("No software instance " + guid + " found."));
    }

    static Long parseGuid(String guid) {
        if (guid == null || !guid.startsWith("SOFTINST-")) {
            return null;
        }
        try {
            return Long.parseLong(guid.substring("SOFTINST-".length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
