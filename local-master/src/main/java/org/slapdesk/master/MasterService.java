package org.slapdesk.master;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slapdesk.core.wire.InstanceXml;
import org.slapdesk.core.wire.SlapObject;
import org.slapdesk.master.store.Database;
import org.slapdesk.master.store.NodeContents;
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

    private static final Set<String> INSTANCE_STATES = Set.of("started", "stopped", "destroyed");

    private final Database database;
    private final Timestamps time;
    private final AccessStatuses statuses;
    private final Documents documents;
    private final Allocator allocator;
    private final MasterQueries queries;
    private final CertificateIssuer issuer;
    private final Registrations registrations;

    /**
     * @param defaultComputer the node new instances go to when the SLA names none; null means
     *                        the first free partition of any node (nodes by reference)
     */
    public MasterService(Database database, Clock clock, String defaultComputer, CertificateIssuer issuer) {
        this.database = database;
        this.time = new Timestamps(clock);
        this.statuses = new AccessStatuses(time);
        this.documents = new Documents(statuses);
        this.allocator = new Allocator(defaultComputer, time);
        this.queries = new MasterQueries(database, statuses, documents);
        this.issuer = issuer;
        this.registrations = new Registrations(database, clock, issuer);
    }

    /** The read side: listings and documents. */
    public MasterQueries queries() {
        return queries;
    }

    /** Who owns which instance tree. */
    public TreeOwners treeOwners() {
        return new TreeOwners(database);
    }

    /** Tokens, and the node registrations and user certificates they pay for. */
    public Registrations registrations() {
        return registrations;
    }

    public Database database() {
        return database;
    }

    private <T> T tx(Database.StoreWork<T> work) {
        return database.inStore(work);
    }

    /** Work that only reads: on a reader connection, never waiting for a writer. */
    private <T> T read(Database.StoreWork<T> work) {
        return database.read(work);
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
            store.upsertNode(reference, reference, address, netmask, time.millis());
            Set<String> listed = new HashSet<>();
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
            allocator.allocatePending(store);
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
                    addresses.add(new Address(
                            interfaceName,
                            Fields.string(address, "addr", "address of " + reference),
                            Fields.optionalString(address, "netmask")));
                }
            }
            return new FormattedPartition(reference, addresses);
        }
    }

    /** {@code getFullComputerInformation} as the node itself asks it: also its contact (§5.1). */
    public SlapObject fullComputerInformation(String computer) {
        return fullComputerInformation(computer, true);
    }

    /**
     * {@code getFullComputerInformation}: the node's partitions and releases (§2.5). Only the
     * node's own call is contact; a console reading the node must not make it look alive.
     */
    public SlapObject fullComputerInformation(String computer, boolean nodeContact) {
        Fields.require(computer, "computer_id");
        NodeContents node = read(store -> store.nodeContents(computer).orElseThrow(() -> unknownNode(computer)));
        Optional<Status> nodeStatus = node.nodeStatus();
        String contact = AccessTexts.nodeContact(computer);
        if (nodeContact && statuses.contactDue(nodeStatus, contact)) {
            nodeStatus = Optional.of(tx(store -> statuses.put(store, "node", computer, contact)));
        }
        List<Object> releases = new ArrayList<>();
        for (Installation i : node.installations()) {
            Status installationStatus = node.installationStatus().get(installationKey(computer, i.url()));
            releases.add(documents.softwareRelease(i, Optional.ofNullable(installationStatus)));
        }
        List<Object> partitions = new ArrayList<>();
        for (Partition p : node.partitions()) {
            if (!"inactive".equals(p.slapState())) {
                partitions.add(documents.partition(documents.partitionContents(node, p.reference())));
            }
        }
        String accessStatus = nodeStatus.map(Status::text).orElse(AccessTexts.noData(computer));
        return documents.computer(computer, accessStatus, partitions, releases);
    }

    /** {@code registerComputerPartition}. */
    public SlapObject registerPartition(String computer, String partition) {
        return documents.partition(read(store -> {
            requirePartition(store, computer, partition);
            return documents.partitionContents(store, computer, partition);
        }));
    }

    /** building / available / error / destroyed reports of a software release. */
    public String softwareReport(String computer, String url, String reported, String errorLog) {
        Fields.require(url, "url");
        return tx(store -> {
            requireNode(store, computer);
            if (store.installation(computer, url).isEmpty()) {
                if ("destroyed".equals(reported)) {
                    return "Ignored"; // a repeated report, after the first one removed it
                }
                throw RequestError.notFound(
                        "software release " + url + " is not supplied to '" + computer + "': nothing to report on");
            }
            String key = installationKey(computer, url);
            switch (reported) {
                case "building" -> statuses.put(store, "installation", key, AccessTexts.building(url));
                case "available" -> statuses.put(store, "installation", key, AccessTexts.available(url));
                case "error" -> statuses.put(store, "installation", key, AccessTexts.installError(url));
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

    /**
     * started / stopped reports of a partition's instance. A node repeats its report at every
     * run; one that changes nothing and comes within ten seconds of the last is not written,
     * like a contact (the health thresholds are minutes), so a fleet's reports are reads.
     */
    public String instanceReport(String computer, String partition, String reported) {
        String text = "started".equals(reported) ? AccessTexts.started() : AccessTexts.stopped();
        if (read(store -> reportAlreadyRecorded(store, computer, partition, reported, text))) {
            return "OK";
        }
        return tx(store -> {
            Optional<Instance> found = instanceOn(store, computer, partition);
            if (found.isEmpty()) {
                return "Ignored";
            }
            Instance i = found.get();
            statuses.put(store, "instance", i.guid(), text);
            store.updateInstance(i.withReported(reported));
            return "OK";
        });
    }

    private boolean reportAlreadyRecorded(Store store, String computer, String partition, String reported, String text)
            throws SQLException {
        Optional<Instance> found = instanceOn(store, computer, partition);
        return found.isPresent()
                && reported.equals(found.get().reportedState())
                && !statuses.contactDue(store.status("instance", found.get().guid()), text);
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
                        store.updateInstance(child.withState("destroyed", time.next(child.timestamp())));
                    }
                }
                if (!children.isEmpty()) {
                    return "Not destroying yet because this partition has child partitions: "
                            + String.join(", ", children);
                }
            }
            removeInstance(store, i);
            allocator.allocatePending(store);
            return "OK";
        });
    }

    private void removeInstance(Store store, Instance i) throws SQLException {
        if (!i.shared()) {
            for (Instance s : store.sharedOnHost(i.id())) {
                store.updateInstance(s.placedOn(null, null, null, s.timestamp()));
            }
            if (i.partitionReference() != null) {
                store.setPartitionState(i.computerReference(), i.partitionReference(), "free");
            }
        } else if (i.hostInstanceId() != null) {
            time.bump(store, i.hostInstanceId());
        }
        store.deleteInstance(i.id());
    }

    /** {@code softwareInstanceError}, on the partition's instance or one of its shared instances. */
    public String instanceError(String computer, String partition, String errorLog, String sharedReference) {
        return tx(store -> {
            Instance i = target(store, computer, partition, sharedReference);
            statuses.put(store, "instance", i.guid(), AccessTexts.instanceError(errorLog));
            store.updateInstance(i.withReported("error"));
            return "OK";
        });
    }

    /** {@code softwareInstanceBang}: an error status, and the whole tree is reprocessed. */
    public String bang(String computer, String partition, String message) {
        return tx(store -> {
            Instance i = target(store, computer, partition, null);
            statuses.put(store, "instance", i.guid(), AccessTexts.bang(message));
            for (Instance member : store.tree(i.rootTitle())) {
                time.bump(store, member.id());
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
                    time.bump(store, i.id());
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
                throw RequestError.conflict(
                        "an instance titled '" + newName + "' already exists in this tree: choose another name");
            }
            if (i.root()) {
                for (Instance member : store.tree(i.title())) {
                    if (member.id() != i.id()) {
                        store.updateInstance(member.renamed(member.title(), newName, member.timestamp()));
                    }
                }
            }
            store.updateInstance(i.renamed(newName, i.requestedBy(), time.next(i.timestamp())));
            return "done";
        });
    }

    /**
     * The instance XML slapproxy would store ({@code dict2xml}); what it cannot carry (a
     * character XML refuses, a non-string id) is the caller's to fix, as lxml refuses it.
     */
    private static String instanceXml(Map<String, Object> values, String field) {
        try {
            return InstanceXml.toXml(values);
        } catch (IllegalArgumentException e) {
            throw RequestError.badRequest("field '" + field + "' cannot be stored: " + e.getMessage());
        }
    }

    /** {@code setComputerPartitionConnectionXml}. */
    public String setConnection(
            String computer, String partition, Map<String, Object> connection, String sharedReference) {
        String xml = instanceXml(connection, "connection_xml");
        return tx(store -> {
            Instance i = target(store, computer, partition, sharedReference);
            store.updateInstance(i.withConnection(xml));
            return "done";
        });
    }

    /** {@code getHostingSubscriptionIpList}: (interface, address) of every partition of the tree. */
    public List<Object> treeIpList(String computer, String partition) {
        return read(store -> {
            Instance i = target(store, computer, partition, null);
            List<Object> ips = new ArrayList<>();
            for (Instance member : store.tree(i.rootTitle())) {
                if (!member.shared()) {
                    ips.addAll(documents.ipList(store, member));
                }
            }
            return ips;
        });
    }

    /** {@code getComputerStatus}: the node's access status dict (§5.1). */
    public Map<String, Object> computerStatus(String computer) {
        return read(store -> {
            requireNode(store, computer);
            return statuses.dict(store, "node", computer, "Compute Node");
        });
    }

    /** {@code getComputerPartitionStatus}: the instance's access status dict. */
    public Map<String, Object> partitionStatus(String computer, String partition) {
        return read(store -> {
            Instance i = target(store, computer, partition, null);
            return statuses.dict(store, "instance", i.guid(), "Software Instance");
        });
    }

    /** The CA, when there is one that can issue now (one may be made while the master runs). */
    private Optional<CertificateIssuer> issuer() {
        return Optional.ofNullable(issuer).filter(CertificateIssuer::ready);
    }

    /** Checks the node exists (for calls the master accepts and ignores, like useComputer). */
    public void requireNode(String computer) {
        read(store -> requireNode(store, computer));
    }

    /**
     * {@code revokeComputerCertificate}: every certificate the CA issued to the node, and
     * {@code presentedSerial} (the caller's own, possibly issued by another copy of the CA's
     * files) if not null, are refused from the next request on.
     */
    public void revokeNodeCertificates(String computer, String presentedSerial) {
        List<String> serials =
                new ArrayList<>(issuer().map(ca -> ca.issuedSerials(CertificateIssuer.Role.NODE, computer))
                        .orElse(List.of()));
        if (presentedSerial != null) {
            serials.add(presentedSerial);
        }
        long now = time.millis();
        tx(store -> {
            requireNode(store, computer);
            for (String serial : serials) {
                store.revokeCertificate(serial, "node " + computer, now);
            }
            return null;
        });
    }

    /** Whether the certificate with this serial (hexadecimal) was revoked. */
    public boolean isRevoked(String serial) {
        return tx(store -> store.isRevoked(serial));
    }

    /** A certificate for a partition, from the master's CA; empty strings when it has none. */
    public Map<String, Object> partitionCertificate(String computer, String partition) {
        read(store -> requirePartition(store, computer, partition));
        return certificate(CertificateIssuer.Role.PARTITION, computer + "/" + partition);
    }

    /** A new certificate for a node ({@code generateComputerCertificate}). */
    public Map<String, Object> nodeCertificate(String computer) {
        requireNode(computer);
        return certificate(CertificateIssuer.Role.NODE, computer);
    }

    private Map<String, Object> certificate(CertificateIssuer.Role role, String name) {
        Map<String, Object> answer = new LinkedHashMap<>();
        Optional<CertificateIssuer> ca = issuer();
        if (ca.isPresent()) {
            CertificateIssuer.Issued issued = ca.get().issue(role, name);
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
                store.upsertNode(title, title, null, null, time.millis());
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
        String parameterXml = instanceXml(form.parameters(), "partition_parameter_xml");
        String slaXml = instanceXml(form.sla(), "filter_xml");
        return tx(store -> request(store, form, state, parameterXml, slaXml));
    }

    private RequestOutcome request(
            Store store, InstanceRequestForm form, String requestedState, String parameterXml, String slaXml)
            throws SQLException {
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
            long now = time.millis();
            Instance fresh = new Instance(
                    0,
                    form.title(),
                    requestedBy,
                    form.softwareRelease(),
                    form.softwareType(),
                    parameterXml,
                    null,
                    slaXml,
                    form.shared(),
                    state,
                    null,
                    null,
                    null,
                    null,
                    time.next(0),
                    now);
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
                instance = old.requested(
                        form.softwareRelease(),
                        form.softwareType(),
                        parameterXml,
                        slaXml,
                        state,
                        time.next(old.timestamp()));
                store.updateInstance(instance);
                if (old.shared() && old.hostInstanceId() != null) {
                    time.bump(store, old.hostInstanceId());
                }
                if (old.root() && !old.requestedState().equals(state) && !"started".equals(state)) {
                    propagateState(store, old, state);
                }
            }
        }
        if ("destroyed".equals(state) && (instance.shared() || !instance.allocated())) {
            Map<String, Object> document = documents.requestAnswer(store, instance);
            removeInstance(store, instance);
            if (!instance.allocated()) {
                throw RequestError.notFound(
                        "'" + instance.title() + "' had no partition yet: its request is withdrawn");
            }
            return new RequestOutcome(instance, true, document);
        }
        if (!instance.allocated()) {
            instance = allocator.allocate(store, instance);
        }
        if (instance.allocated()) {
            allocator.allocatePending(store);
        }
        return new RequestOutcome(
                instance,
                instance.allocated(),
                instance.allocated() ? documents.requestAnswer(store, instance) : Map.of());
    }

    private void propagateState(Store store, Instance root, String state) throws SQLException {
        for (Instance member : store.tree(root.title())) {
            if (member.id() != root.id()
                    && !member.shared()
                    && !member.requestedState().equals(state)
                    && !"destroyed".equals(member.requestedState())) {
                store.updateInstance(member.withState(state, time.next(member.timestamp())));
            }
        }
    }

    /** The marshalled {@code SoftwareInstance} answer of a request (§2.5). */
    public static SlapObject softwareInstanceObject(Map<String, Object> document) {
        return new SlapObject("SoftwareInstance", List.of(), document);
    }

    // ================================================================== queries (HATEOAS, JSON-RPC, GUI)

    // ================================================================== helpers

    private Node requireNode(Store store, String computer) throws SQLException {
        Fields.require(computer, "computer_id");
        return store.node(computer).orElseThrow(() -> unknownNode(computer));
    }

    private static RequestError unknownNode(String computer) {
        return RequestError.notFound(
                "unknown compute node '" + computer + "': format it first (slapos node format) or check computer_id");
    }

    private Partition requirePartition(Store store, String computer, String partition) throws SQLException {
        requireNode(store, computer);
        Fields.require(partition, "computer_partition_id");
        return store.partition(computer, partition)
                .orElseThrow(() -> RequestError.notFound(
                        "unknown partition '" + partition + "' on compute node '" + computer + "'"));
    }

    private Optional<Instance> instanceOn(Store store, String computer, String partition) throws SQLException {
        requirePartition(store, computer, partition);
        return store.instanceOnPartition(computer, partition);
    }

    /** The partition's instance, or the shared instance it hosts named by {@code sharedReference}. */
    private Instance target(Store store, String computer, String partition, String sharedReference)
            throws SQLException {
        Instance host = instanceOn(store, computer, partition)
                .orElseThrow(() ->
                        RequestError.notFound("partition '" + partition + "' on '" + computer + "' holds no instance"));
        if (sharedReference == null || sharedReference.isEmpty() || "None".equals(sharedReference)) {
            return host;
        }
        for (Instance s : store.sharedOnHost(host.id())) {
            if (s.guid().equals(sharedReference)
                    || s.title().equals(sharedReference)
                    || (s.requestedBy() + "_" + s.title()).equals(sharedReference)) {
                return s;
            }
        }
        throw RequestError.notFound("no shared instance '" + sharedReference + "' on partition '" + partition + "'");
    }
}
