package org.slapdesk.master.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.slapdesk.master.store.Rows.Address;
import org.slapdesk.master.store.Rows.Installation;
import org.slapdesk.master.store.Rows.Instance;
import org.slapdesk.master.store.Rows.Node;
import org.slapdesk.master.store.Rows.Partition;
import org.slapdesk.master.store.Rows.Status;
import org.slapdesk.master.store.Rows.Token;

/** Every SQL statement of the master, on the connection of the current transaction. */
public final class Store {

    static final String ADDRESSES =
            "SELECT * FROM partition_address WHERE computer_reference=? AND partition_reference=? ORDER BY rowid";
    static final String FIRST_FREE_ON_NODE = "SELECT * FROM compute_partition WHERE computer_reference=?"
            + " AND slap_state='free' ORDER BY position, reference LIMIT 1";
    static final String FIRST_FREE_ANYWHERE = "SELECT * FROM compute_partition WHERE slap_state='free'"
            + " ORDER BY computer_reference, position, reference LIMIT 1";
    static final String TREE =
            "SELECT * FROM instance WHERE requested_by=? OR (requested_by='' AND title=?) ORDER BY id";
    static final String ROOTS = "SELECT * FROM instance WHERE requested_by='' ORDER BY id";
    /** Instances waiting for a place; its WHERE is the partial index's, word for word, so SQLite uses it. */
    static final String PENDING = "SELECT * FROM instance WHERE " + Migrations.WAITING_FOR_A_PLACE + " ORDER BY id";

    private final Connection c;
    private final CachedConnection cache;
    private final LongAdder statements;

    /** A store on a plain connection: every statement is prepared and closed. */
    public Store(Connection connection) {
        this.c = connection;
        this.cache = null;
        this.statements = new LongAdder();
    }

    /** A store reusing the connection's prepared statements, adding one to {@code statements} per statement run. */
    Store(CachedConnection connection, LongAdder statements) {
        this.c = connection.connection();
        this.cache = connection;
        this.statements = statements;
    }

    // ------------------------------------------------------------------ nodes

    public Optional<Node> node(String reference) throws SQLException {
        return one("SELECT * FROM compute_node WHERE reference=?", Store::node, reference);
    }

    public List<Node> nodes() throws SQLException {
        return list("SELECT * FROM compute_node ORDER BY reference", Store::node);
    }

    public void upsertNode(String reference, String title, String address, String netmask, long now)
            throws SQLException {
        update(
                "INSERT INTO compute_node(reference, title, address, netmask, created_at) VALUES (?,?,?,?,?)"
                        + " ON CONFLICT(reference) DO UPDATE SET address=excluded.address, netmask=excluded.netmask",
                reference,
                title,
                address,
                netmask,
                now);
    }

    public Optional<Node> nodeTitled(String title) throws SQLException {
        return one("SELECT * FROM compute_node WHERE title=? ORDER BY reference LIMIT 1", Store::node, title);
    }

    /** The highest n of the nodes named {@code COMP-<n>}, 0 when there is none. */
    public long highestNodeNumber() throws SQLException {
        long highest = 0;
        for (String reference :
                list("SELECT reference FROM compute_node WHERE reference GLOB 'COMP-[0-9]*'", rs -> rs.getString(1))) {
            String digits = reference.substring("COMP-".length());
            if (digits.matches("[0-9]{1,18}")) {
                highest = Math.max(highest, Long.parseLong(digits));
            }
        }
        return highest;
    }

    // ------------------------------------------------------------------ revoked certificates

    public void revokeCertificate(String serial, String subject, long now) throws SQLException {
        update(
                "INSERT INTO revoked_certificate(serial, subject, revoked_at) VALUES (?,?,?) ON CONFLICT(serial) DO NOTHING",
                serial,
                subject,
                now);
    }

    public boolean isRevoked(String serial) throws SQLException {
        return one("SELECT 1 FROM revoked_certificate WHERE serial=?", rs -> true, serial)
                .isPresent();
    }

    // ------------------------------------------------------------------ instance tree owners

    public Optional<String> treeOwner(String rootTitle) throws SQLException {
        return one("SELECT owner FROM instance_tree_owner WHERE root_title=?", rs -> rs.getString(1), rootTitle);
    }

    /** Records {@code owner} unless the tree has one already. */
    public void claimTree(String rootTitle, String owner) throws SQLException {
        update(
                "INSERT INTO instance_tree_owner(root_title, owner) VALUES (?,?) ON CONFLICT(root_title) DO NOTHING",
                rootTitle,
                owner);
    }

    /** A node with its partitions, instances, addresses and statuses, in seven statements. */
    public Optional<NodeContents> nodeContents(String reference) throws SQLException {
        Optional<Node> node = node(reference);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Instance> instanceByPartition = new HashMap<>();
        Map<Long, List<Instance>> sharedByHost = new HashMap<>();
        for (Instance i : instancesOnNode(reference)) {
            if (!i.shared() && i.partitionReference() != null) {
                instanceByPartition.put(i.partitionReference(), i);
            } else if (i.shared() && i.hostInstanceId() != null) {
                sharedByHost
                        .computeIfAbsent(i.hostInstanceId(), id -> new ArrayList<>())
                        .add(i);
            }
        }
        Map<String, List<Address>> addresses = new HashMap<>();
        for (Rows.PartitionAddress a : list(
                "SELECT * FROM partition_address WHERE computer_reference=? ORDER BY rowid",
                rs -> new Rows.PartitionAddress(
                        rs.getString("partition_reference"),
                        new Address(rs.getString("interface"), rs.getString("address"), rs.getString("netmask"))),
                reference)) {
            addresses.computeIfAbsent(a.partition(), p -> new ArrayList<>()).add(a.address());
        }
        Map<String, Status> instanceStatus = new HashMap<>();
        Map<String, Status> installationStatus = new HashMap<>();
        // One statement for both kinds keeps the node read at a fixed statement count.
        for (Status st : list(
                "SELECT s.* FROM instance i JOIN access_status s ON s.kind='instance' AND s.reference='SOFTINST-'||i.id"
                        + " WHERE i.computer_reference=?"
                        + " UNION ALL SELECT s.* FROM software_installation n JOIN access_status s"
                        + " ON s.kind='installation' AND s.reference=n.computer_reference||' '||n.url"
                        + " WHERE n.computer_reference=?",
                Store::status,
                reference,
                reference)) {
            if ("installation".equals(st.kind())) {
                installationStatus.put(st.reference(), st);
            } else {
                instanceStatus.put(st.reference(), st);
            }
        }
        return Optional.of(new NodeContents(
                node.get(),
                status("node", reference),
                installations(reference),
                partitions(reference),
                instanceByPartition,
                sharedByHost,
                addresses,
                instanceStatus,
                installationStatus));
    }

    // ------------------------------------------------------------------ fleet-wide reads, one statement each

    /** Every row of a fleet-wide search when {@code since} is this; else the rows changed after {@code since}. */
    public static final long EVERY_ROW = -1;

    private static final String COUNTER_COLUMNS = "SELECT (SELECT value FROM change_counter) AS change_counter,"
            + " (SELECT source FROM change_counter) AS change_source, ";
    private static final String NODE_COLUMNS = "n.reference, n.title, n.address, n.netmask, n.created_at,"
            + " s.text AS status_text, s.created_at AS status_created_at, s.since AS status_since";
    private static final String NODES_FROM =
            " FROM compute_node n LEFT JOIN access_status s ON s.kind='node' AND s.reference=n.reference";
    private static final String PARTITION_COLUMNS = "p.computer_reference, p.reference, i.id AS instance_id,"
            + " i.title AS instance_title, i.requested_by, i.software_release, i.requested_state, s.text AS status_text";
    private static final String PARTITIONS_FROM = " FROM compute_partition p"
            + " LEFT JOIN instance i ON i.computer_reference=p.computer_reference"
            + " AND i.partition_reference=p.reference AND i.shared=0"
            + " LEFT JOIN access_status s ON s.kind='instance' AND s.reference='SOFTINST-'||i.id"
            + " WHERE p.slap_state<>'inactive'";
    private static final String INSTALLATION_COLUMNS = "n.computer_reference, n.url, n.requested_state,"
            + " n.reported_state, s.text AS status_text, s.created_at AS status_created_at, s.since AS status_since";
    private static final String INSTALLATIONS_FROM = " FROM software_installation n LEFT JOIN access_status s"
            + " ON s.kind='installation' AND s.reference=n.computer_reference||' '||n.url";
    private static final String INSTANCE_COLUMNS = "id, title, requested_by, software_release, software_type,"
            + " parameter_xml, connection_xml, sla_xml, shared, requested_state, reported_state, computer_reference,"
            + " partition_reference, host_instance_id, timestamp, created_at";

    static final String NODES_SINCE = changedSince(
            NODE_COLUMNS + NODES_FROM + " WHERE n.change_seq > ?",
            "reference, NULL, NULL, NULL, 0, NULL, NULL, NULL",
            "kind='node'");
    static final String PARTITIONS_SINCE = changedSince(
            PARTITION_COLUMNS + PARTITIONS_FROM + " AND p.change_seq > ?",
            "parent, reference, NULL, NULL, NULL, NULL, NULL, NULL",
            "kind='partition'");
    static final String INSTALLATIONS_SINCE = changedSince(
            INSTALLATION_COLUMNS + INSTALLATIONS_FROM + " WHERE n.change_seq > ?",
            "parent, reference, NULL, NULL, NULL, NULL, NULL",
            "kind='installation'");
    static final String ROOTS_SINCE = changedSince(
            INSTANCE_COLUMNS + " FROM instance WHERE requested_by='' AND change_seq > ?",
            "0, reference, parent, NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL, 0, 0",
            "kind='instance' AND parent=''");

    /** Every node with its access status (or those changed after {@code since}), in one statement. */
    public Rows.Changed<Rows.NodeStatus> nodesWithStatus(long since) throws SQLException {
        return changed(
                COUNTER_COLUMNS + NODE_COLUMNS + NODES_FROM + " ORDER BY n.reference",
                NODES_SINCE,
                since,
                rs -> new Rows.NodeStatus(node(rs), joinedStatus(rs, "node", rs.getString("reference"))),
                rs -> new Rows.Removed("", rs.getString("reference")));
    }

    /** Every partition a node reads (inactive ones are left out, as there), with its instance. */
    public Rows.Changed<Rows.PartitionRow> partitionRows(long since) throws SQLException {
        return changed(
                COUNTER_COLUMNS + PARTITION_COLUMNS + PARTITIONS_FROM
                        + " ORDER BY p.computer_reference, p.position, p.reference",
                PARTITIONS_SINCE,
                since,
                rs -> {
                    String title = rs.getString("instance_title");
                    String requestedBy = rs.getString("requested_by");
                    return new Rows.PartitionRow(
                            rs.getString("computer_reference"),
                            rs.getString("reference"),
                            title,
                            requestedBy == null || requestedBy.isEmpty() ? title : requestedBy,
                            rs.getString("software_release"),
                            rs.getString("requested_state"),
                            rs.getLong("instance_id"),
                            rs.getString("status_text"));
                },
                rs -> new Rows.Removed(rs.getString("computer_reference"), rs.getString("reference")));
    }

    public Rows.Changed<Rows.InstallationStatus> installationsWithStatus(long since) throws SQLException {
        return changed(
                COUNTER_COLUMNS + INSTALLATION_COLUMNS + INSTALLATIONS_FROM + " ORDER BY n.computer_reference, n.rowid",
                INSTALLATIONS_SINCE,
                since,
                rs -> new Rows.InstallationStatus(
                        installation(rs),
                        joinedStatus(
                                rs, "installation", rs.getString("computer_reference") + " " + rs.getString("url"))),
                rs -> new Rows.Removed(rs.getString("computer_reference"), rs.getString("url")));
    }

    /** The root instances (one per service), or those changed after {@code since} with the removed ones. */
    public Rows.Changed<Instance> rootsChanged(long since) throws SQLException {
        return changed(
                COUNTER_COLUMNS + INSTANCE_COLUMNS + " FROM instance WHERE requested_by='' ORDER BY id",
                ROOTS_SINCE,
                since,
                Store::instance,
                rs -> new Rows.Removed("", rs.getString("title")));
    }

    /**
     * One statement: the rows changed after a counter and the tombstones after it, joined onto the
     * counter's one row so that an answer with neither still says the counter.
     */
    private static String changedSince(String changedRows, String removedColumns, String removedWhere) {
        return "SELECT c.value AS change_counter, c.source AS change_source, r.* FROM change_counter c LEFT JOIN ("
                + "SELECT 0 AS removed, " + changedRows
                + " UNION ALL SELECT 1, " + removedColumns + " FROM removed_row WHERE " + removedWhere
                + " AND change_seq > ?) r ON 1";
    }

    private <T> Rows.Changed<T> changed(
            String everyRow, String changedSince, long since, RowReader<T> rows, RowReader<Rows.Removed> removed)
            throws SQLException {
        boolean full = since == EVERY_ROW;
        Object[] args = full ? new Object[0] : new Object[] {since, since};
        return run(full ? everyRow : changedSince, args, ps -> {
            List<T> read = new ArrayList<>();
            List<Rows.Removed> gone = new ArrayList<>();
            long counter = -1;
            String source = null;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counter = rs.getLong("change_counter");
                    source = rs.getString("change_source");
                    if (full) {
                        read.add(rows.read(rs));
                        continue;
                    }
                    int kind = rs.getInt("removed");
                    if (rs.wasNull()) {
                        continue; // the counter's row alone: nothing changed
                    }
                    if (kind == 1) {
                        gone.add(removed.read(rs));
                    } else {
                        read.add(rows.read(rs));
                    }
                }
            }
            return new Rows.Changed<>(read, gone, counter, source);
        });
    }

    private static Status joinedStatus(ResultSet rs, String kind, String reference) throws SQLException {
        String text = rs.getString("status_text");
        return text == null
                ? null
                : new Status(kind, reference, text, rs.getLong("status_created_at"), rs.getLong("status_since"));
    }

    // ------------------------------------------------------------------ access tokens

    public void insertToken(Token token) throws SQLException {
        update(
                "INSERT INTO access_token(token_hash, kind, label, created_at, expires_at) VALUES (?,?,?,?,?)",
                token.hash(),
                token.kind(),
                token.label(),
                token.createdAt(),
                token.expiresAt());
    }

    public Optional<Token> token(String hash) throws SQLException {
        return one(
                "SELECT * FROM access_token WHERE token_hash=?",
                rs -> {
                    long usedAt = rs.getLong("used_at");
                    Long used = rs.wasNull() ? null : usedAt;
                    return new Token(
                            rs.getString("token_hash"),
                            rs.getString("kind"),
                            rs.getString("label"),
                            rs.getLong("created_at"),
                            rs.getLong("expires_at"),
                            used,
                            rs.getString("used_by"));
                },
                hash);
    }

    /** Marks a token used; false when another transaction used it first. */
    public boolean useToken(String hash, long now, String usedBy) throws SQLException {
        return update(
                        "UPDATE access_token SET used_at=?, used_by=? WHERE token_hash=? AND used_at IS NULL",
                        now,
                        usedBy,
                        hash)
                == 1;
    }

    // ------------------------------------------------------------------ partitions

    public List<Partition> partitions(String computer) throws SQLException {
        return list(
                "SELECT * FROM compute_partition WHERE computer_reference=? ORDER BY position, reference",
                Store::partition,
                computer);
    }

    public Optional<Partition> partition(String computer, String reference) throws SQLException {
        return one(
                "SELECT * FROM compute_partition WHERE computer_reference=? AND reference=?",
                Store::partition,
                computer,
                reference);
    }

    /** The first free partition of {@code computer}, or of any node (by reference) when it is null. */
    public Optional<Partition> firstFree(String computer) throws SQLException {
        if (computer != null) {
            return one(FIRST_FREE_ON_NODE, Store::partition, computer);
        }
        return one(FIRST_FREE_ANYWHERE, Store::partition);
    }

    public void upsertPartition(String computer, String reference, int position) throws SQLException {
        update(
                "INSERT INTO compute_partition(computer_reference, reference, slap_state, position)"
                        + " VALUES (?,?,'free',?) ON CONFLICT(computer_reference, reference) DO UPDATE SET"
                        + " position=excluded.position, slap_state=CASE WHEN slap_state='inactive' THEN"
                        + " (CASE WHEN EXISTS (SELECT 1 FROM instance i WHERE i.computer_reference=compute_partition.computer_reference"
                        + " AND i.partition_reference=compute_partition.reference AND i.shared=0) THEN 'busy' ELSE 'free' END)"
                        + " ELSE slap_state END",
                computer,
                reference,
                position);
    }

    public void setPartitionState(String computer, String reference, String state) throws SQLException {
        update(
                "UPDATE compute_partition SET slap_state=? WHERE computer_reference=? AND reference=?",
                state,
                computer,
                reference);
    }

    public void deletePartition(String computer, String reference) throws SQLException {
        update("DELETE FROM compute_partition WHERE computer_reference=? AND reference=?", computer, reference);
    }

    public List<Address> addresses(String computer, String partition) throws SQLException {
        return list(
                ADDRESSES,
                rs -> new Address(rs.getString("interface"), rs.getString("address"), rs.getString("netmask")),
                computer,
                partition);
    }

    public void replaceAddresses(String computer, String partition, List<Address> addresses) throws SQLException {
        update(
                "DELETE FROM partition_address WHERE computer_reference=? AND partition_reference=?",
                computer,
                partition);
        for (Address a : addresses) {
            update(
                    "INSERT INTO partition_address(computer_reference, partition_reference, interface, address, netmask)"
                            + " VALUES (?,?,?,?,?)",
                    computer,
                    partition,
                    a.interfaceName(),
                    a.address(),
                    a.netmask());
        }
    }

    // ------------------------------------------------------------------ software installations

    public List<Installation> installations(String computer) throws SQLException {
        return list(
                "SELECT * FROM software_installation WHERE computer_reference=? ORDER BY rowid",
                Store::installation,
                computer);
    }

    public Optional<Installation> installation(String computer, String url) throws SQLException {
        return one(
                "SELECT * FROM software_installation WHERE computer_reference=? AND url=?",
                Store::installation,
                computer,
                url);
    }

    public void upsertInstallation(String computer, String url, String requestedState) throws SQLException {
        update(
                "INSERT INTO software_installation(computer_reference, url, requested_state) VALUES (?,?,?)"
                        + " ON CONFLICT(computer_reference, url) DO UPDATE SET requested_state=excluded.requested_state",
                computer,
                url,
                requestedState);
    }

    public void reportInstallation(String computer, String url, String reportedState) throws SQLException {
        update(
                "UPDATE software_installation SET reported_state=? WHERE computer_reference=? AND url=?",
                reportedState,
                computer,
                url);
    }

    public void deleteInstallation(String computer, String url) throws SQLException {
        update("DELETE FROM software_installation WHERE computer_reference=? AND url=?", computer, url);
    }

    // ------------------------------------------------------------------ instances

    public Optional<Instance> instance(String title, String requestedBy) throws SQLException {
        return one("SELECT * FROM instance WHERE title=? AND requested_by=?", Store::instance, title, requestedBy);
    }

    public Optional<Instance> instance(long id) throws SQLException {
        return one("SELECT * FROM instance WHERE id=?", Store::instance, id);
    }

    public Optional<Instance> instanceOnPartition(String computer, String partition) throws SQLException {
        return one(
                "SELECT * FROM instance WHERE computer_reference=? AND partition_reference=? AND shared=0",
                Store::instance,
                computer,
                partition);
    }

    public List<Instance> sharedOnHost(long hostId) throws SQLException {
        return list(
                "SELECT * FROM instance WHERE host_instance_id=? AND shared=1 ORDER BY id", Store::instance, hostId);
    }

    /** Every instance of the tree whose root is titled {@code rootTitle}. */
    public List<Instance> tree(String rootTitle) throws SQLException {
        return list(TREE, Store::instance, rootTitle, rootTitle);
    }

    public List<Instance> roots() throws SQLException {
        return list(ROOTS, Store::instance);
    }

    public List<Instance> instancesOnNode(String computer) throws SQLException {
        return list("SELECT * FROM instance WHERE computer_reference=? ORDER BY id", Store::instance, computer);
    }

    public List<Instance> pending() throws SQLException {
        return list(PENDING, Store::instance);
    }

    public List<Instance> allInstances() throws SQLException {
        return list("SELECT * FROM instance ORDER BY id", Store::instance);
    }

    public long insertInstance(Instance i) throws SQLException {
        update(
                "INSERT INTO instance(title, requested_by, software_release,"
                        + " software_type, parameter_xml, connection_xml, sla_xml, shared, requested_state, reported_state,"
                        + " computer_reference, partition_reference, host_instance_id, timestamp, created_at)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                i.title(),
                i.requestedBy(),
                i.softwareRelease(),
                i.softwareType(),
                i.parameterXml(),
                i.connectionXml(),
                i.slaXml(),
                i.shared() ? 1 : 0,
                i.requestedState(),
                i.reportedState(),
                i.computerReference(),
                i.partitionReference(),
                i.hostInstanceId(),
                i.timestamp(),
                i.createdAt());
        return list("SELECT last_insert_rowid()", rs -> rs.getLong(1)).get(0);
    }

    public void updateInstance(Instance i) throws SQLException {
        update(
                "UPDATE instance SET title=?, requested_by=?, software_release=?, software_type=?, parameter_xml=?,"
                        + " connection_xml=?, sla_xml=?, shared=?, requested_state=?, reported_state=?, computer_reference=?,"
                        + " partition_reference=?, host_instance_id=?, timestamp=? WHERE id=?",
                i.title(),
                i.requestedBy(),
                i.softwareRelease(),
                i.softwareType(),
                i.parameterXml(),
                i.connectionXml(),
                i.slaXml(),
                i.shared() ? 1 : 0,
                i.requestedState(),
                i.reportedState(),
                i.computerReference(),
                i.partitionReference(),
                i.hostInstanceId(),
                i.timestamp(),
                i.id());
    }

    public void deleteInstance(long id) throws SQLException {
        update("DELETE FROM instance WHERE id=?", id);
        deleteStatus("instance", "SOFTINST-" + id);
    }

    // ------------------------------------------------------------------ access status

    public Optional<Status> status(String kind, String reference) throws SQLException {
        return one("SELECT * FROM access_status WHERE kind=? AND reference=?", Store::status, kind, reference);
    }

    public void putStatus(Status s) throws SQLException {
        update(
                "INSERT INTO access_status(kind, reference, text, created_at, since) VALUES (?,?,?,?,?)"
                        + " ON CONFLICT(kind, reference) DO UPDATE SET text=excluded.text, created_at=excluded.created_at,"
                        + " since=excluded.since",
                s.kind(),
                s.reference(),
                s.text(),
                s.createdAt(),
                s.since());
    }

    public void deleteStatus(String kind, String reference) throws SQLException {
        update("DELETE FROM access_status WHERE kind=? AND reference=?", kind, reference);
    }

    // ------------------------------------------------------------------ plumbing

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static Node node(ResultSet rs) throws SQLException {
        return new Node(
                rs.getString("reference"),
                rs.getString("title"),
                rs.getString("address"),
                rs.getString("netmask"),
                rs.getLong("created_at"));
    }

    private static Status status(ResultSet rs) throws SQLException {
        return new Status(
                rs.getString("kind"),
                rs.getString("reference"),
                rs.getString("text"),
                rs.getLong("created_at"),
                rs.getLong("since"));
    }

    private static Partition partition(ResultSet rs) throws SQLException {
        return new Partition(
                rs.getString("computer_reference"),
                rs.getString("reference"),
                rs.getString("slap_state"),
                rs.getInt("position"));
    }

    private static Installation installation(ResultSet rs) throws SQLException {
        return new Installation(
                rs.getString("computer_reference"),
                rs.getString("url"),
                rs.getString("requested_state"),
                rs.getString("reported_state"));
    }

    private static Instance instance(ResultSet rs) throws SQLException {
        long host = rs.getLong("host_instance_id");
        Long hostId = rs.wasNull() ? null : host;
        return new Instance(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("requested_by"),
                rs.getString("software_release"),
                rs.getString("software_type"),
                rs.getString("parameter_xml"),
                rs.getString("connection_xml"),
                rs.getString("sla_xml"),
                rs.getInt("shared") != 0,
                rs.getString("requested_state"),
                rs.getString("reported_state"),
                rs.getString("computer_reference"),
                rs.getString("partition_reference"),
                hostId,
                rs.getLong("timestamp"),
                rs.getLong("created_at"));
    }

    private <T> Optional<T> one(String sql, RowReader<T> reader, Object... args) throws SQLException {
        List<T> rows = list(sql, reader, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private <T> List<T> list(String sql, RowReader<T> reader, Object... args) throws SQLException {
        return run(sql, args, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
                return rows;
            }
        });
    }

    private int update(String sql, Object... args) throws SQLException {
        return run(sql, args, PreparedStatement::executeUpdate);
    }

    @FunctionalInterface
    private interface StatementUse<T> {
        T apply(PreparedStatement statement) throws SQLException;
    }

    /** Runs {@code sql} with every parameter bound, on the connection's cached statement if it has a cache. */
    private <T> T run(String sql, Object[] args, StatementUse<T> use) throws SQLException {
        statements.increment();
        if (cache == null) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                return use.apply(ps);
            }
        }
        PreparedStatement ps = cache.prepared(sql);
        bind(ps, args);
        return use.apply(ps);
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (a instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, a.toString());
            }
        }
    }
}
