package org.slapdesk.master;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slapdesk.core.wire.SlapObject;
import org.slapdesk.core.wire.Tuple;
import org.slapdesk.master.store.Database;
import org.slapdesk.master.store.InstanceXml;
import org.slapdesk.master.store.Rows.Address;
import org.slapdesk.master.store.Rows.Installation;
import org.slapdesk.master.store.Rows.Instance;
import org.slapdesk.master.store.Rows.Node;
import org.slapdesk.master.store.Rows.Partition;
import org.slapdesk.master.store.Rows.Status;
import org.slapdesk.master.store.Store;

/**
 * What the master does, independent of the wire: formats, supply, allocation, instance trees,
 * reports and access status. Every public method is one transaction; {@link RequestError}
 * carries refusals (4xx) out of it, after the transaction is rolled back.
 */
public final class MasterService {

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final Set<String> INSTANCE_STATES = Set.of("started", "stopped", "destroyed");

    private final Database database;
    private final Clock clock;
    private final String defaultComputer;
    private final Optional<CertificateIssuer> issuer;

    /**
     * @param defaultComputer the node new instances go to when the SLA names none; null means
     *                        the first free partition of any node (nodes by reference)
     */
    public MasterService(Database database, Clock clock, String defaultComputer, CertificateIssuer issuer) {
        this.database = database;
        this.clock = clock;
        this.defaultComputer = defaultComputer;
        this.issuer = Optional.ofNullable(issuer);
    }

    public Database database() {
        return database;
    }

    private interface Body<T> {
        T run(Store store) throws SQLException;
    }

    private <T> T tx(Body<T> body) {
        try {
            return database.transaction(c -> body.run(new Store(c)));
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        }
    }

    private long nowMillis() {
        return clock.millis();
    }

    private long nextTimestamp(long previous) {
        return Math.max(clock.millis() * 1000L, previous + 1);
    }

    // ================================================================== node side

    /** {@code loadComputerConfigurationFromXML}: the dict {@code slapos node format} posts. */
    public void format(Map<String, Object> computer) {
        String reference = Fields.string(computer, "reference", "computer");
        String address = Fields.optionalString(computer, "address");
        String netmask = Fields.optionalString(computer, "netmask");
        List<Object> partitions = Fields.list(computer, "partition_list", "computer");
        List<FormattedPartition> parsed = new ArrayList<>();
        for (Object p : partitions) {
            parsed.add(FormattedPartition.parse(p));
        }
        tx(store -> {
            store.upsertNode(reference, reference, address, netmask, nowMillis());
            Set<String> listed = new java.util.HashSet<>();
            for (int i = 0; i < parsed.size(); i++) {
                FormattedPartition p = parsed.get(i);
                listed.add(p.reference());
                store.upsertPartition(reference, p.reference(), i);
                store.replaceAddresses(reference, p.reference(), p.addresses());
            }
            for (Partition existing : store.partitions(reference)) {
                if (listed.contains(existing.reference())) {
                    continue;
                }
                if (store.instanceOnPartition(reference, existing.reference()).isPresent()) {
                    store.setPartitionState(reference, existing.reference(), "inactive");
                } else {
                    store.deletePartition(reference, existing.reference());
                }
            }
            allocatePending(store);
            return null;
        });
    }

    private record FormattedPartition(String reference, List<Address> addresses) {
        static FormattedPartition parse(Object value) {
            Map<String, Object> p = Fields.asMap(value, "an entry of partition_list");
            String reference = Fields.string(p, "reference", "partition");
            String interfaceName = reference;
            Object tap = p.get("tap");
            if (tap instanceof Map<?, ?> tapMap && tapMap.get("name") instanceof String name && !name.isEmpty()) {
                interfaceName = name;
            }
            List<Address> addresses = new ArrayList<>();
            Object list = p.get("address_list");
            if (list != null) {
                for (Object a : Fields.asList(list, "address_list of " + reference)) {
                    Map<String, Object> address = Fields.asMap(a, "an address of " + reference);
                    addresses.add(new Address(interfaceName, Fields.string(address, "addr", "address of " + reference),
                            Fields.optionalString(address, "netmask")));
                }
            }
            return new FormattedPartition(reference, addresses);
        }
    }

    /** {@code getFullComputerInformation}: the node's partitions and releases (§2.5). */
    public SlapObject fullComputerInformation(String computer) {
        return tx(store -> {
            Node node = requireNode(store, computer);
            putStatus(store, "node", computer, AccessTexts.nodeContact(computer));
            List<Object> releases = new ArrayList<>();
            for (Installation i : store.installations(computer)) {
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("_computer_guid", computer);
                state.put("_requested_state", i.requestedState());
                state.put("_software_instance_list", new ArrayList<>());
                state.put("_software_release", i.url());
                releases.add(new SlapObject("SoftwareRelease", List.of(i.url(), computer), state));
            }
            List<Object> partitions = new ArrayList<>();
            for (Partition p : store.partitions(computer)) {
                if (!"inactive".equals(p.slapState())) {
                    partitions.add(partitionObject(store, node.reference(), p.reference()));
                }
            }
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("_computer_id", computer);
            state.put("_computer_partition_list", partitions);
            state.put("_software_release_list", releases);
            return new SlapObject("Computer", List.of(computer), state);
        });
    }

    /** {@code registerComputerPartition}. */
    public SlapObject registerPartition(String computer, String partition) {
        return tx(store -> {
            requirePartition(store, computer, partition);
            return partitionObject(store, computer, partition);
        });
    }

    private SlapObject partitionObject(Store store, String computer, String partition) throws SQLException {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("_computer_id", computer);
        state.put("_partition_id", partition);
        state.put("_request_dict", null);
        Optional<Instance> found = store.instanceOnPartition(computer, partition);
        if (found.isEmpty()) {
            state.put("_need_modification", 0L);
            state.put("_requested_state", "destroyed");
            state.put("_software_release_document", null);
        } else {
            Instance i = found.get();
            state.put("_access_status", statusText(store, "instance", i.guid()));
            state.put("_connection_dict", InstanceXml.read(i.connectionXml()));
            state.put("_filter_dict", InstanceXml.read(i.slaXml()));
            state.put("_instance_guid", i.guid());
            state.put("_need_modification", 1L);
            Map<String, Object> parameters = new LinkedHashMap<>(InstanceXml.read(i.parameterXml()));
            parameters.putAll(extraParameters(store, i));
            parameters.put("timestamp", String.valueOf(i.timestamp()));
            state.put("_parameter_dict", parameters);
            state.put("_requested_state", i.requestedState());
            Map<String, Object> release = new LinkedHashMap<>();
            release.put("_computer_guid", computer);
            release.put("_software_instance_list", new ArrayList<>());
            release.put("_software_release", i.softwareRelease());
            state.put("_software_release_document",
                    new SlapObject("SoftwareRelease", List.of(i.softwareRelease(), computer), release));
        }
        return new SlapObject("ComputerPartition", java.util.Arrays.asList(computer, partition, null), state);
    }

    /** The keys the master adds to an instance's parameters (§2.5), from full_ip_list to slave_instance_list. */
    private Map<String, Object> extraParameters(Store store, Instance i) throws SQLException {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("full_ip_list", new ArrayList<>());
        extra.put("instance_title", i.title());
        extra.put("ip_list", ipList(store, i));
        extra.put("root_instance_short_title", i.rootTitle());
        extra.put("root_instance_title", i.rootTitle());
        extra.put("slap_computer_id", i.computerReference());
        extra.put("slap_computer_partition_id", i.partitionReference());
        extra.put("slap_software_release_url", i.softwareRelease());
        extra.put("slap_software_type", i.softwareType());
        List<Object> shared = new ArrayList<>();
        if (!i.shared()) {
            for (Instance s : store.sharedOnHost(i.id())) {
                Map<String, Object> entry = new LinkedHashMap<>(InstanceXml.read(s.parameterXml()));
                entry.put("slave_title", s.title());
                entry.put("slap_software_type", s.softwareType());
                entry.put("slave_reference", s.guid());
                entry.put("timestamp", String.valueOf(s.timestamp()));
                shared.add(entry);
            }
        }
        extra.put("slave_instance_list", shared);
        return extra;
    }

    private List<Object> ipList(Store store, Instance i) throws SQLException {
        List<Object> ips = new ArrayList<>();
        if (i.computerReference() != null && i.partitionReference() != null) {
            for (Address a : store.addresses(i.computerReference(), i.partitionReference())) {
                ips.add(Tuple.of(a.interfaceName(), a.address()));
            }
        }
        return ips;
    }

    /** building / available / error / destroyed reports of a software release. */
    public String softwareReport(String computer, String url, String reported, String errorLog) {
        Fields.require(url, "url");
        return tx(store -> {
            requireNode(store, computer);
            if (store.installation(computer, url).isEmpty()) {
                return "Ignored";
            }
            String key = installationKey(computer, url);
            switch (reported) {
                case "building" -> putStatus(store, "installation", key, AccessTexts.building(url));
                case "available" -> putStatus(store, "installation", key, AccessTexts.available(url));
                case "error" -> putStatus(store, "installation", key, AccessTexts.installError(url));
                case "destroyed" -> {
                    store.deleteInstallation(computer, url);
                    store.deleteStatus("installation", key);
                    return "OK";
                }
                default -> throw new IllegalArgumentException(reported);
            }
            store.reportInstallation(computer, url, reported);
            return "OK";
        });
    }

    static String installationKey(String computer, String url) {
        return computer + " " + url;
    }

    /** started / stopped reports of a partition's instance. */
    public String instanceReport(String computer, String partition, String reported) {
        return tx(store -> {
            Optional<Instance> found = instanceOn(store, computer, partition);
            if (found.isEmpty()) {
                return "Ignored";
            }
            Instance i = found.get();
            putStatus(store, "instance", i.guid(), "started".equals(reported) ? AccessTexts.started() : AccessTexts.stopped());
            store.updateInstance(withReported(i, reported));
            return "OK";
        });
    }

    /** {@code destroyedComputerPartition}: frees the partition (a root with children waits for them). */
    public String destroyedPartition(String computer, String partition) {
        return tx(store -> {
            Optional<Instance> found = instanceOn(store, computer, partition);
            if (found.isEmpty()) {
                return "OK";
            }
            Instance i = found.get();
            if (i.root()) {
                List<String> children = new ArrayList<>();
                for (Instance child : store.tree(i.title())) {
                    if (child.id() == i.id()) {
                        continue;
                    }
                    if (!child.allocated() || child.shared()) {
                        removeInstance(store, child);
                        continue;
                    }
                    children.add(child.title());
                    if (!"destroyed".equals(child.requestedState())) {
                        store.updateInstance(withState(child, "destroyed"));
                    }
                }
                if (!children.isEmpty()) {
                    return "Not destroying yet because this partition has child partitions: " + String.join(", ", children);
                }
            }
            removeInstance(store, i);
            allocatePending(store);
            return "OK";
        });
    }

    private void removeInstance(Store store, Instance i) throws SQLException {
        if (!i.shared()) {
            for (Instance s : store.sharedOnHost(i.id())) {
                store.updateInstance(detached(s));
            }
            if (i.partitionReference() != null) {
                store.setPartitionState(i.computerReference(), i.partitionReference(), "free");
            }
        } else if (i.hostInstanceId() != null) {
            bump(store, i.hostInstanceId());
        }
        store.deleteInstance(i.id());
    }

    /** {@code softwareInstanceError}, on the partition's instance or one of its shared instances. */
    public String instanceError(String computer, String partition, String errorLog, String sharedReference) {
        return tx(store -> {
            Instance i = target(store, computer, partition, sharedReference);
            putStatus(store, "instance", i.guid(), AccessTexts.instanceError(errorLog));
            store.updateInstance(withReported(i, "error"));
            return "OK";
        });
    }

    /** {@code softwareInstanceBang}: an error status, and the whole tree is reprocessed. */
    public String bang(String computer, String partition, String message) {
        return tx(store -> {
            Instance i = target(store, computer, partition, null);
            putStatus(store, "instance", i.guid(), AccessTexts.bang(message));
            for (Instance member : store.tree(i.rootTitle())) {
                bump(store, member.id());
            }
            return "OK";
        });
    }

    /** {@code computerBang}: every instance on the node is reprocessed. */
    public String computerBang(String computer, String message) {
        return tx(store -> {
            requireNode(store, computer);
            for (Instance i : store.instancesOnNode(computer)) {
                if (!i.shared()) {
                    bump(store, i.id());
                }
            }
            return "OK";
        });
    }

    /** {@code softwareInstanceRename}. */
    public String rename(String computer, String partition, String newName, String sharedReference) {
        Fields.require(newName, "new_name");
        return tx(store -> {
            Instance i = target(store, computer, partition, sharedReference);
            if (i.title().equals(newName)) {
                return "done";
            }
            if (store.instance(newName, i.requestedBy()).isPresent()) {
                throw RequestError.conflict("an instance titled '" + newName + "' already exists in this tree: choose another name");
            }
            if (i.root()) {
                for (Instance member : store.tree(i.title())) {
                    if (member.id() != i.id()) {
                        store.updateInstance(copy(member, member.title(), newName, member.requestedState(), member.timestamp()));
                    }
                }
            }
            store.updateInstance(copy(i, newName, i.requestedBy(), i.requestedState(), nextTimestamp(i.timestamp())));
            return "done";
        });
    }

    /** {@code setComputerPartitionConnectionXml}. */
    public String setConnection(String computer, String partition, Map<String, Object> connection, String sharedReference) {
        String xml = InstanceXml.write(connection);
        return tx(store -> {
            Instance i = target(store, computer, partition, sharedReference);
            store.updateInstance(new Instance(i.id(), i.title(), i.requestedBy(), i.softwareRelease(), i.softwareType(),
                    i.parameterXml(), xml, i.slaXml(), i.shared(), i.requestedState(), i.reportedState(),
                    i.computerReference(), i.partitionReference(), i.hostInstanceId(), i.timestamp(), i.createdAt()));
            return "done";
        });
    }

    /** {@code getHostingSubscriptionIpList}: (interface, address) of every partition of the tree. */
    public List<Object> treeIpList(String computer, String partition) {
        return tx(store -> {
            Instance i = target(store, computer, partition, null);
            List<Object> ips = new ArrayList<>();
            for (Instance member : store.tree(i.rootTitle())) {
                if (!member.shared()) {
                    ips.addAll(ipList(store, member));
                }
            }
            return ips;
        });
    }

    /** {@code getComputerStatus}: the node's access status dict (§5.1). */
    public Map<String, Object> computerStatus(String computer) {
        return tx(store -> {
            requireNode(store, computer);
            return statusDict(store, "node", computer, "Compute Node", computer);
        });
    }

    /** {@code getComputerPartitionStatus}: the instance's access status dict. */
    public Map<String, Object> partitionStatus(String computer, String partition) {
        return tx(store -> {
            Instance i = target(store, computer, partition, null);
            return statusDict(store, "instance", i.guid(), "Software Instance", i.guid());
        });
    }

    /** Checks the node exists (for calls the master accepts and ignores, like useComputer). */
    public void requireNode(String computer) {
        tx(store -> requireNode(store, computer));
    }

    /** A certificate for a partition, from the master's CA; empty strings when it has none. */
    public Map<String, Object> partitionCertificate(String computer, String partition) {
        tx(store -> requirePartition(store, computer, partition));
        return certificate(CertificateIssuer.Role.PARTITION, computer + "/" + partition);
    }

    /** A new certificate for a node ({@code generateComputerCertificate}). */
    public Map<String, Object> nodeCertificate(String computer) {
        requireNode(computer);
        return certificate(CertificateIssuer.Role.NODE, computer);
    }

    private Map<String, Object> certificate(CertificateIssuer.Role role, String name) {
        Map<String, Object> answer = new LinkedHashMap<>();
        if (issuer.isPresent()) {
            CertificateIssuer.Issued issued = issuer.get().issue(role, name);
            answer.put("certificate", issued.certificatePem());
            answer.put("key", issued.privateKeyPem());
        } else {
            answer.put("certificate", "");
            answer.put("key", "");
        }
        return answer;
    }

    // ================================================================== user side

    /** {@code supplySupply}. */
    public String supply(String url, String computer, String state) {
        Fields.require(url, "url");
        Fields.require(computer, "computer_id");
        if (!"available".equals(state) && !"destroyed".equals(state)) {
            throw RequestError.badRequest("state must be 'available' or 'destroyed', not '" + state + "'");
        }
        return tx(store -> {
            requireNode(store, computer);
            Optional<Installation> existing = store.installation(computer, url);
            if ("destroyed".equals(state) && existing.isEmpty()) {
                return "Supplied '" + url + "' to be destroyed";
            }
            store.upsertInstallation(computer, url, state);
            return "Supplied '" + url + "' to be " + state;
        });
    }

    /** {@code requestComputer}: a node known by title before it formats. */
    public SlapObject requestComputer(String title) {
        Fields.require(title, "computer_title");
        return tx(store -> {
            if (store.node(title).isEmpty()) {
                store.upsertNode(title, title, null, null, nowMillis());
            }
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("_computer_id", title);
            return new SlapObject("Computer", List.of(title), state);
        });
    }

    /** The outcome of a request: the instance, allocated or not (408 for the wire). */
    public record RequestOutcome(Instance instance, boolean allocated, Map<String, Object> document) {}

    /** {@code requestComputerPartition}, user or partition side. */
    public RequestOutcome request(InstanceRequestForm form) {
        Fields.require(form.softwareRelease(), "software_release");
        Fields.require(form.title(), "partition_reference");
        String state = form.state() == null ? "started" : form.state();
        if (!INSTANCE_STATES.contains(state)) {
            throw RequestError.badRequest("state must be started, stopped or destroyed, not '" + state + "'");
        }
        String parameterXml = InstanceXml.write(form.parameters());
        String slaXml = InstanceXml.write(form.sla());
        return tx(store -> request(store, form, state, parameterXml, slaXml));
    }

    private RequestOutcome request(Store store, InstanceRequestForm form, String requestedState, String parameterXml,
                                   String slaXml) throws SQLException {
            String state = requestedState;
            String requestedBy = "";
            String rootState = null;
            if (form.requesterComputer() != null && form.requesterPartition() != null) {
                Instance requester = target(store, form.requesterComputer(), form.requesterPartition(), null);
                requestedBy = requester.rootTitle();
                Optional<Instance> root = store.instance(requestedBy, "");
                rootState = root.map(Instance::requestedState).orElse(null);
            }
            String pinned = form.sla().get("computer_guid") instanceof String s && !s.isEmpty() ? s : null;
            if (pinned != null) {
                requireNode(store, pinned);
            }
            Optional<Instance> existing = store.instance(form.title(), requestedBy);
            Instance instance;
            if (existing.isEmpty()) {
                if ("destroyed".equals(state)) {
                    throw RequestError.notFound("no instance titled '" + form.title() + "' to destroy");
                }
                long now = nowMillis();
                Instance fresh = new Instance(0, form.title(), requestedBy, form.softwareRelease(), form.softwareType(),
                        parameterXml, null, slaXml, form.shared(), state, null, null, null, null,
                        nextTimestamp(0), now);
                long id = store.insertInstance(fresh);
                instance = store.instance(id).orElseThrow();
            } else {
                Instance old = existing.get();
                if (old.shared() != form.shared()) {
                    throw RequestError.conflict("'" + form.title() + "' already exists as a "
                            + (old.shared() ? "shared" : "normal") + " instance: request it with the same --slave setting");
                }
                if (rootState != null && !"started".equals(rootState) && !old.root()) {
                    state = rootState;
                }
                boolean changed = !old.softwareRelease().equals(form.softwareRelease())
                        || !old.softwareType().equals(form.softwareType())
                        || !old.parameterXml().equals(parameterXml)
                        || !old.slaXml().equals(slaXml)
                        || !old.requestedState().equals(state);
                instance = old;
                if (changed) {
                    instance = new Instance(old.id(), old.title(), old.requestedBy(), form.softwareRelease(),
                            form.softwareType(), parameterXml, old.connectionXml(), slaXml, old.shared(), state,
                            old.reportedState(), old.computerReference(), old.partitionReference(),
                            old.hostInstanceId(), nextTimestamp(old.timestamp()), old.createdAt());
                    store.updateInstance(instance);
                    if (old.shared() && old.hostInstanceId() != null) {
                        bump(store, old.hostInstanceId());
                    }
                    if (old.root() && !old.requestedState().equals(state) && !"started".equals(state)) {
                        propagateState(store, old, state);
                    }
                }
            }
            if ("destroyed".equals(state) && (instance.shared() || !instance.allocated())) {
                Map<String, Object> document = instanceDocument(store, instance);
                removeInstance(store, instance);
                if (!instance.allocated()) {
                    throw RequestError.notFound("'" + instance.title() + "' had no partition yet: its request is withdrawn");
                }
                return new RequestOutcome(instance, true, document);
            }
            if (!instance.allocated()) {
                instance = allocate(store, instance);
            }
            if (instance.allocated()) {
                allocatePending(store);
            }
            return new RequestOutcome(instance, instance.allocated(),
                    instance.allocated() ? instanceDocument(store, instance) : Map.of());
    }

    private void propagateState(Store store, Instance root, String state) throws SQLException {
        for (Instance member : store.tree(root.title())) {
            if (member.id() != root.id() && !member.shared() && !member.requestedState().equals(state)
                    && !"destroyed".equals(member.requestedState())) {
                store.updateInstance(withState(member, state));
            }
        }
    }

    /** Tries to place an instance: a free partition, or a matching host for a shared one. */
    private Instance allocate(Store store, Instance i) throws SQLException {
        Map<String, String> sla = InstanceXml.read(i.slaXml());
        String pinned = sla.get("computer_guid");
        if (pinned != null && pinned.isEmpty()) {
            pinned = null;
        }
        if (!i.shared()) {
            Optional<Partition> free = store.firstFree(pinned != null ? pinned : defaultComputer);
            if (free.isEmpty()) {
                return i;
            }
            Partition p = free.get();
            store.setPartitionState(p.computerReference(), p.reference(), "busy");
            Instance placed = new Instance(i.id(), i.title(), i.requestedBy(), i.softwareRelease(), i.softwareType(),
                    i.parameterXml(), i.connectionXml(), i.slaXml(), false, i.requestedState(), i.reportedState(),
                    p.computerReference(), p.reference(), null, nextTimestamp(i.timestamp()), i.createdAt());
            store.updateInstance(placed);
            return placed;
        }
        String wantedHost = sla.get("instance_guid");
        for (Instance host : store.allInstances()) {
            if (host.shared() || !host.allocated() || "destroyed".equals(host.requestedState())
                    || !host.softwareRelease().equals(i.softwareRelease())
                    || !host.softwareType().equals(i.softwareType())) {
                continue;
            }
            if (pinned != null && !pinned.equals(host.computerReference())) {
                continue;
            }
            if (wantedHost != null && !wantedHost.isEmpty() && !wantedHost.equals(host.guid())
                    && !wantedHost.equals(host.computerReference() + "-" + host.partitionReference())) {
                continue;
            }
            Instance placed = new Instance(i.id(), i.title(), i.requestedBy(), i.softwareRelease(), i.softwareType(),
                    i.parameterXml(), i.connectionXml(), i.slaXml(), true, i.requestedState(), i.reportedState(),
                    host.computerReference(), host.partitionReference(), host.id(), nextTimestamp(i.timestamp()),
                    i.createdAt());
            store.updateInstance(placed);
            bump(store, host.id());
            return placed;
        }
        return i;
    }

    private void allocatePending(Store store) throws SQLException {
        for (Instance pending : store.pending()) {
            allocate(store, pending);
        }
    }

    /** The marshalled {@code SoftwareInstance} answer of a request (§2.5). */
    public static SlapObject softwareInstanceObject(Map<String, Object> document) {
        return new SlapObject("SoftwareInstance", List.of(), document);
    }

    private Map<String, Object> instanceDocument(Store store, Instance i) throws SQLException {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("_access_status", statusText(store, "instance", i.guid()));
        d.put("_connection_dict", InstanceXml.read(i.connectionXml()));
        d.put("_filter_dict", InstanceXml.read(i.slaXml()));
        d.put("_instance_guid", i.guid());
        d.put("_parameter_dict", InstanceXml.read(i.parameterXml()));
        d.put("_requested_state", i.requestedState());
        Instance placement = i;
        if (i.shared() && i.hostInstanceId() != null) {
            placement = store.instance(i.hostInstanceId()).orElse(i);
        }
        Map<String, Object> extra = extraParameters(store, placement);
        extra.put("instance_title", i.title());
        extra.put("root_instance_short_title", i.rootTitle());
        extra.put("root_instance_title", i.rootTitle());
        extra.put("slave_instance_list", i.shared() ? new ArrayList<>() : extra.get("slave_instance_list"));
        d.putAll(extra);
        d.put("timestamp", i.timestamp());
        return d;
    }

    // ================================================================== queries (HATEOAS, JSON-RPC, GUI)

    /** A root instance (a service) with what listing and info pages show. */
    public record TreeView(Instance root, Map<String, Object> status, List<Instance> members) {}

    public List<TreeView> trees(String title) {
        return tx(store -> {
            List<TreeView> trees = new ArrayList<>();
            for (Instance root : store.roots()) {
                if (title == null || title.equals(root.title())) {
                    trees.add(new TreeView(root, statusDict(store, "instance", root.guid(), "Software Instance", root.guid()),
                            store.tree(root.title())));
                }
            }
            return trees;
        });
    }

    /** A node with its partitions, installations and statuses. */
    public record NodeView(Node node, Map<String, Object> status, List<Partition> partitions,
                           List<Installation> installations, Map<String, Map<String, Object>> installationStatus,
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
                    String key = installationKey(n.reference(), i.url());
                    installationStatus.put(i.url(), statusDict(store, "installation", key, "Software Installation", key));
                }
                Map<String, Instance> byPartition = new LinkedHashMap<>();
                Map<String, Map<String, Object>> partitionStatus = new LinkedHashMap<>();
                List<Partition> partitions = store.partitions(n.reference());
                for (Partition p : partitions) {
                    Optional<Instance> i = store.instanceOnPartition(n.reference(), p.reference());
                    if (i.isPresent()) {
                        byPartition.put(p.reference(), i.get());
                        partitionStatus.put(p.reference(),
                                statusDict(store, "instance", i.get().guid(), "Software Instance", i.get().guid()));
                    }
                }
                views.add(new NodeView(n, statusDict(store, "node", n.reference(), "Compute Node", n.reference()),
                        partitions, installations, installationStatus, byPartition, partitionStatus));
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
            return i.isPresent() ? Optional.of(jsonDocument(store, i.get())) : Optional.<Map<String, Object>>empty();
        });
    }

    public Optional<Map<String, Object>> instanceOnPartitionDocument(String computer, String partition) {
        return tx(store -> {
            Optional<Instance> i = store.instanceOnPartition(computer, partition);
            return i.isPresent() ? Optional.of(jsonDocument(store, i.get())) : Optional.<Map<String, Object>>empty();
        });
    }

    public Optional<Map<String, Object>> rootDocument(String title) {
        return tx(store -> {
            Optional<Instance> i = store.instance(title, "");
            return i.isPresent() ? Optional.of(jsonDocument(store, i.get())) : Optional.<Map<String, Object>>empty();
        });
    }

    /** JSON-RPC's instance document (§3.2). */
    public Map<String, Object> jsonDocument(Store store, Instance i) throws SQLException {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("title", i.title());
        d.put("instance_guid", i.guid());
        d.put("software_release_uri", i.softwareRelease());
        d.put("software_type", i.softwareType());
        d.put("state", i.requestedState());
        d.put("connection_parameters", InstanceXml.read(i.connectionXml()));
        d.put("parameters", InstanceXml.read(i.parameterXml()));
        d.put("shared", i.shared());
        d.put("root_instance_title", i.rootTitle());
        List<Object> ips = new ArrayList<>();
        Instance placement = i.shared() && i.hostInstanceId() != null ? store.instance(i.hostInstanceId()).orElse(i) : i;
        if (!i.shared()) {
            for (Object t : ipList(store, placement)) {
                ips.add(((Tuple) t).items());
            }
        }
        d.put("ip_list", ips);
        d.put("full_ip_list", new ArrayList<>());
        d.put("sla_parameters", InstanceXml.read(i.slaXml()));
        d.put("computer_guid", i.computerReference() == null ? "" : i.computerReference());
        d.put("compute_partition_id", i.partitionReference() == null ? "" : i.partitionReference());
        d.put("processing_timestamp", i.timestamp());
        d.put("access_status_message", store.status("instance", i.guid()).map(Status::text).orElse(""));
        return d;
    }

    /** Runs a read or write with a {@link Store} in one transaction (for the JSON-RPC layer). */
    public <T> T withStore(StoreWork<T> work) {
        return tx(work::run);
    }

    /** Work on the store inside one transaction. */
    public interface StoreWork<T> {
        T run(Store store) throws SQLException;
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

    // ================================================================== helpers

    private Node requireNode(Store store, String computer) throws SQLException {
        Fields.require(computer, "computer_id");
        return store.node(computer).orElseThrow(() -> RequestError.notFound("unknown compute node '" + computer
                + "': format it first (slapos node format) or check computer_id"));
    }

    private Partition requirePartition(Store store, String computer, String partition) throws SQLException {
        requireNode(store, computer);
        Fields.require(partition, "computer_partition_id");
        return store.partition(computer, partition).orElseThrow(() -> RequestError.notFound(
                "unknown partition '" + partition + "' on compute node '" + computer + "'"));
    }

    private Optional<Instance> instanceOn(Store store, String computer, String partition) throws SQLException {
        requirePartition(store, computer, partition);
        return store.instanceOnPartition(computer, partition);
    }

    /** The partition's instance, or the shared instance it hosts named by {@code sharedReference}. */
    private Instance target(Store store, String computer, String partition, String sharedReference) throws SQLException {
        Instance host = instanceOn(store, computer, partition).orElseThrow(() -> RequestError.notFound(
                "partition '" + partition + "' on '" + computer + "' holds no instance"));
        if (sharedReference == null || sharedReference.isEmpty() || "None".equals(sharedReference)) {
            return host;
        }
        for (Instance s : store.sharedOnHost(host.id())) {
            if (s.guid().equals(sharedReference) || s.title().equals(sharedReference)
                    || (s.requestedBy() + "_" + s.title()).equals(sharedReference)) {
                return s;
            }
        }
        throw RequestError.notFound("no shared instance '" + sharedReference + "' on partition '" + partition + "'");
    }

    private void bump(Store store, long id) throws SQLException {
        Optional<Instance> i = store.instance(id);
        if (i.isPresent()) {
            Instance x = i.get();
            store.updateInstance(copy(x, x.title(), x.requestedBy(), x.requestedState(), nextTimestamp(x.timestamp())));
        }
    }

    private Instance withState(Instance i, String state) {
        return copy(i, i.title(), i.requestedBy(), state, nextTimestamp(i.timestamp()));
    }

    private static Instance withReported(Instance i, String reported) {
        return new Instance(i.id(), i.title(), i.requestedBy(), i.softwareRelease(), i.softwareType(), i.parameterXml(),
                i.connectionXml(), i.slaXml(), i.shared(), i.requestedState(), reported, i.computerReference(),
                i.partitionReference(), i.hostInstanceId(), i.timestamp(), i.createdAt());
    }

    private static Instance detached(Instance s) {
        return new Instance(s.id(), s.title(), s.requestedBy(), s.softwareRelease(), s.softwareType(), s.parameterXml(),
                s.connectionXml(), s.slaXml(), true, s.requestedState(), s.reportedState(), null, null, null,
                s.timestamp(), s.createdAt());
    }

    private static Instance copy(Instance i, String title, String requestedBy, String state, long timestamp) {
        return new Instance(i.id(), title, requestedBy, i.softwareRelease(), i.softwareType(), i.parameterXml(),
                i.connectionXml(), i.slaXml(), i.shared(), state, i.reportedState(), i.computerReference(),
                i.partitionReference(), i.hostInstanceId(), timestamp, i.createdAt());
    }

    private void putStatus(Store store, String kind, String reference, String text) throws SQLException {
        long now = nowMillis();
        Optional<Status> old = store.status(kind, reference);
        long since = old.filter(s -> AccessTexts.kind(s.text()).equals(AccessTexts.kind(text)))
                .map(Status::since).orElse(now);
        store.putStatus(new Status(kind, reference, text, now, since));
    }

    private String statusText(Store store, String kind, String reference) throws SQLException {
        return store.status(kind, reference).map(Status::text).orElse(AccessTexts.noData(reference));
    }

    private Map<String, Object> statusDict(Store store, String kind, String reference, String portalType, String user)
            throws SQLException {
        Optional<Status> s = store.status(kind, reference);
        Map<String, Object> d = new LinkedHashMap<>();
        long now = nowMillis();
        if (s.isEmpty()) {
            d.put("created_at", RFC_1123.format(Instant.ofEpochMilli(now)));
            d.put("no_data", 1L);
            d.put("portal_type", portalType);
            d.put("reference", reference);
            d.put("since", RFC_1123.format(Instant.ofEpochMilli(now)));
            d.put("state", "");
            d.put("text", AccessTexts.noData(reference));
            d.put("user", "SlapOS Master");
            return d;
        }
        Status status = s.get();
        d.put("created_at", RFC_1123.format(Instant.ofEpochMilli(status.createdAt())));
        long age = now - status.createdAt();
        // the master's 0.0025 and 0.005 day thresholds (3.6 and 7.2 minutes)
        if (age > 216_000L) {
            d.put("no_data_since_5_minutes", 1L);
        }
        if (age > 432_000L) {
            d.put("no_data_since_15_minutes", 1L);
        }
        d.put("portal_type", portalType);
        d.put("reference", reference);
        d.put("since", RFC_1123.format(Instant.ofEpochMilli(status.since())));
        d.put("state", "");
        d.put("text", status.text());
        d.put("user", Objects.requireNonNullElse(user, "SlapOS Master"));
        return d;
    }
}
