package org.slapdesk.core.master;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slapdesk.core.model.AccessStatus;
import org.slapdesk.core.model.ComputeNode;
import org.slapdesk.core.model.ComputeNodeDetail;
import org.slapdesk.core.model.ComputePartition;
import org.slapdesk.core.model.InstanceRequest;
import org.slapdesk.core.model.InstanceTree;
import org.slapdesk.core.model.PartitionState;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.model.ServiceDetail;
import org.slapdesk.core.model.SoftwareInstallation;
import org.slapdesk.core.model.SoftwareInstance;
import org.slapdesk.core.wire.InstanceXml;
import org.slapdesk.core.wire.JsonInXml;
import org.slapdesk.core.wire.MarshalException;
import org.slapdesk.core.wire.SlapObject;
import org.slapdesk.core.wire.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Master} over the three dialects, choosing per operation the one that gives the data:
 * <ul>
 * <li><b>nodes</b>: HATEOAS {@code computer list} (what {@code slapos computer list} uses);
 *     falls back to slapproxy's JSON-RPC {@code allDocs.WIP.compute_node_list}.</li>
 * <li><b>node</b>: SLAP {@code getFullComputerInformation}, the only call that also lists the
 *     free partitions; when the master refuses it (a user certificate on the real master) or
 *     fails, JSON-RPC {@code compute_node_instance_list} + {@code compute_node_software_installation_list}
 *     (busy partitions and supplied software only).</li>
 * <li><b>services</b>: HATEOAS {@code service list} (title and release in one search); falls
 *     back to JSON-RPC {@code instance_tree_list} + {@code get.v0.instance_tree} per title.</li>
 * <li><b>service</b>, <b>connectionParameters</b>: JSON-RPC {@code get.v0.instance_tree} (one call
 *     gives node, partition, guid, IPs, parameters and connection parameters); falls back to
 *     HATEOAS {@code service info} (traverse) when the master has no JSON-RPC API.</li>
 * <li><b>supply</b>, <b>remove</b>, <b>request</b>, <b>changeState</b>: SLAP {@code supplySupply}
 *     and {@code requestComputerPartition}, as the slapos CLI, so 408 means {@link MasterException.NotReady}.</li>
 * <li><b>nodeStatus</b>: SLAP {@code getComputerStatus}; empty when the master keeps no status (slapproxy).</li>
 * <li><b>nodeToken</b>: HATEOAS {@code Base_getComputerToken}; empty when the master hands none out.</li>
 * </ul>
 * The HATEOAS base is the profile's REST URL, else {@code getHateoasUrl}, else JSON-RPC
 * {@code get.v0.hateoas_url}. JSON-RPC is called at the profile's API URL when it has one (the
 * real master's {@code portal_web_services/slapos_master_api/}), else at the master URL (slapproxy
 * and the local master); when the master URL has none, once at the place {@link MasterApiLocation}
 * reads off the HATEOAS URL, kept for the session when the API answers there.
 */
public final class SlapMaster implements Master {

    private static final Logger LOG = LoggerFactory.getLogger(SlapMaster.class);

    /** Keys the master adds to {@code _parameter_dict}; not the user's parameters. */
    private static final Set<String> EXTRA_PARAMETER_KEYS = Set.of(
            "timestamp",
            "ip_list",
            "full_ip_list",
            "full_address_list",
            "slap_computer_id",
            "slap_computer_partition_id",
            "slap_software_release_url",
            "slap_software_type",
            "slap_server_url",
            "instance_title",
            "root_instance_title",
            "root_instance_short_title",
            "slave_instance_list",
            "instance_guid");

    private final MasterProfile profile;
    private final URI masterUrl;
    private final MasterHttp http;
    private final SlapEndpoint slap;
    private final JsonRpcEndpoint jsonRpc;
    private HateoasEndpoint hateoas;
    /** Whether the master answers the fleet-wide searches: learnt at the first try, null before. */
    private volatile Boolean bulkReads;

    private SlapMaster(MasterProfile profile, URI masterUrl, MasterHttp http) {
        this.profile = profile;
        this.masterUrl = masterUrl;
        this.http = http;
        this.slap = new SlapEndpoint(http, masterUrl);
        this.jsonRpc = profile.apiUrl()
                .map(api -> new JsonRpcEndpoint(http, api))
                .orElseGet(() -> new JsonRpcEndpoint(http, masterUrl, this::apiBesideHateoas));
    }

    /** Where the real master's JSON-RPC API would be, from its HATEOAS URL; asked once, when the master URL has none. */
    private Optional<URI> apiBesideHateoas() {
        Optional<URI> hateoasUrl = profile.restUrl();
        if (hateoasUrl.isEmpty()) {
            try {
                hateoasUrl = slap.getHateoasUrl();
            } catch (MasterException e) {
                LOG.debug("no HATEOAS URL to find the JSON-RPC API by: {}", e.getMessage());
            }
        }
        return hateoasUrl.flatMap(MasterApiLocation::besideHateoas);
    }

    /** Opens a client for the profile; certificate problems are reported here, before any connection. */
    public static SlapMaster open(MasterProfile profile, ClientOptions options) throws MasterException {
        URI masterUrl = profile.requireMasterUrl();
        return new SlapMaster(profile, masterUrl, MasterHttp.open(profile, options));
    }

    public static SlapMaster open(MasterProfile profile) throws MasterException {
        return open(profile, ClientOptions.defaults());
    }

    public MasterProfile profile() {
        return profile;
    }

    /** The SLAP dialect this client speaks; the dialects stay behind {@link Master} (tests reach them here). */
    SlapEndpoint slap() {
        return slap;
    }

    JsonRpcEndpoint jsonRpc() {
        return jsonRpc;
    }

    /** The HATEOAS endpoint, its base found as the class comment says. */
    synchronized HateoasEndpoint hateoas() throws MasterException {
        if (hateoas == null) {
            URI base = profile.restUrl().orElse(null);
            if (base == null) {
                base = slap.getHateoasUrl().orElse(null);
            }
            if (base == null) {
                try {
                    String url = jsonRpc.hateoasUrl();
                    base = url.isBlank() ? null : URI.create(url);
                } catch (MasterException.Unsupported | MasterException.NotFound e) {
                    LOG.debug("no HATEOAS URL from JSON-RPC: {}", e.getMessage());
                }
            }
            if (base == null) {
                throw new MasterException.Unsupported(
                        masterUrl.toString(),
                        "The master at " + masterUrl
                                + " does not say where its HATEOAS API is: set master_rest_url in the profile.");
            }
            hateoas = new HateoasEndpoint(http, base);
        }
        return hateoas;
    }

    @Override
    public String url() {
        return masterUrl.toString();
    }

    // ------------------------------------------------------------------ nodes

    @Override
    public List<ComputeNode> nodes() throws MasterException {
        List<ComputeNode> nodes = new ArrayList<>();
        try {
            for (JsonNode row : hateoas().computerList()) {
                nodes.add(new ComputeNode(
                        row.path("reference").asText(row.path("title").asText()),
                        row.path("title").asText(null),
                        Optional.empty()));
            }
            return nodes;
        } catch (MasterException.Unsupported e) {
            for (String reference : jsonRpc.computeNodeList()) {
                nodes.add(new ComputeNode(reference, reference, Optional.empty()));
            }
            return nodes;
        }
    }

    @Override
    public Optional<List<ComputeNodeDetail>> allNodes() throws MasterException {
        return readFleet().map(FleetRead::nodes);
    }

    @Override
    public Optional<FleetRead> readFleet() throws MasterException {
        if (Boolean.FALSE.equals(bulkReads)) {
            return Optional.empty();
        }
        try {
            Optional<FleetRead> all = new BulkFleetRead(hateoas()).read();
            if (all.isEmpty()) {
                bulkReads = false;
            } else if (!all.get().nodes().isEmpty()) {
                bulkReads = true;
            }
            return all;
        } catch (MasterException.Unsupported | MasterException.InvalidRequest e) {
            if (Boolean.TRUE.equals(bulkReads)) {
                throw e;
            }
            LOG.debug("{} answers no fleet-wide search ({}): reading node by node", masterUrl, e.getMessage());
            bulkReads = false;
            return Optional.empty();
        }
    }

    @Override
    public Optional<FleetChanges> fleetChangesSince(ChangeMark since) throws MasterException {
        if (!Boolean.TRUE.equals(bulkReads)) {
            return Optional.empty();
        }
        try {
            return new BulkFleetRead(hateoas()).changesSince(since);
        } catch (MasterException.InvalidRequest e) {
            // a master that no longer takes the counter (replaced by an older one): read it whole
            LOG.debug("{} refused a search for changes ({}): reading the whole fleet", masterUrl, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public ComputeNodeDetail node(String reference) throws MasterException {
        SlapObject computer;
        try {
            computer = slap.getFullComputerInformation(reference);
        } catch (MasterException.AuthenticationFailed | MasterException.BadResponse | MasterException.NotFound e) {
            LOG.debug("getFullComputerInformation failed ({}), asking JSON-RPC", e.getMessage());
            try {
                return nodeFromJsonRpc(reference);
            } catch (MasterException.NotFound notFound) {
                // a definite answer (slapproxy fails with a 500 on an unknown node, then says so here)
                MasterException.NotFound missing = new MasterException.NotFound(
                        notFound.endpoint(),
                        "The master has no node '" + reference + "' (" + notFound.endpoint() + ").");
                missing.addSuppressed(e);
                throw missing;
            } catch (MasterException fallbackFailed) {
                // the first refusal is the one that says what is wrong; the fallback's is kept beside it
                e.addSuppressed(fallbackFailed);
                throw e;
            }
        }
        return nodeFromSlap(reference, computer);
    }

    private ComputeNodeDetail nodeFromSlap(String reference, SlapObject computer) {
        Map<String, Object> state = computer.stateMap();
        List<ComputePartition> partitions = new ArrayList<>();
        for (Object o : list(state.get("_computer_partition_list"))) {
            if (o instanceof SlapObject p) {
                partitions.add(partition(reference, p));
            }
        }
        List<SoftwareInstallation> software = new ArrayList<>();
        for (Object o : list(state.get("_software_release_list"))) {
            if (o instanceof SlapObject sr) {
                Map<String, Object> s = sr.stateMap();
                String url = string(s.get("_software_release"))
                        .orElse(
                                sr.initArgs().isEmpty()
                                        ? ""
                                        : String.valueOf(sr.initArgs().get(0)));
                software.add(new SoftwareInstallation(
                        url,
                        reference,
                        string(s.get("_requested_state")).orElse("available"),
                        string(s.get("_access_status")).map(SlapMaster::accessStatus)));
            }
        }
        return new ComputeNodeDetail(
                new ComputeNode(
                        reference,
                        reference,
                        string(state.get("_access_status")).map(SlapMaster::accessStatus)),
                partitions,
                software);
    }

    private static ComputePartition partition(String node, SlapObject p) {
        Map<String, Object> s = p.stateMap();
        String id = string(s.get("_partition_id"))
                .orElse(p.initArgs().size() > 1 ? String.valueOf(p.initArgs().get(1)) : "");
        Map<String, Object> parameters = map(s.get("_parameter_dict"));
        Optional<String> release = Optional.empty();
        if (s.get("_software_release_document") instanceof SlapObject sr) {
            release = string(sr.stateMap().get("_software_release"))
                    .or(() -> sr.initArgs().isEmpty()
                            ? Optional.empty()
                            : string(sr.initArgs().get(0)));
        }
        release = release.or(() -> string(parameters.get("slap_software_release_url")));
        boolean busy = release.isPresent();
        return new ComputePartition(
                id,
                node,
                busy ? PartitionState.BUSY : PartitionState.FREE,
                busy ? string(parameters.get("instance_title")) : Optional.empty(),
                release,
                busy ? string(s.get("_requested_state")).map(RequestedState::fromWire) : Optional.empty(),
                string(s.get("_access_status")).map(SlapMaster::accessStatus));
    }

    private ComputeNodeDetail nodeFromJsonRpc(String reference) throws MasterException {
        List<ComputePartition> partitions = new ArrayList<>();
        for (JsonNode row : jsonRpc.computeNodeInstanceList(reference)) {
            partitions.add(new ComputePartition(
                    row.path("compute_partition_id").asText(),
                    reference,
                    PartitionState.BUSY,
                    text(row, "title"),
                    text(row, "software_release_uri"),
                    text(row, "state").map(RequestedState::fromWire),
                    Optional.empty()));
        }
        List<SoftwareInstallation> software = new ArrayList<>();
        for (JsonNode row : jsonRpc.softwareInstallationList(reference)) {
            software.add(new SoftwareInstallation(
                    row.path("software_release_uri").asText(),
                    reference,
                    row.path("state").asText("available"),
                    Optional.empty()));
        }
        return new ComputeNodeDetail(new ComputeNode(reference, reference, Optional.empty()), partitions, software);
    }

    // ------------------------------------------------------------------ services

    @Override
    public List<InstanceTree> services() throws MasterException {
        List<InstanceTree> services = new ArrayList<>();
        try {
            for (JsonNode row : hateoas().serviceList()) {
                services.add(serviceFromRow(row));
            }
            return services;
        } catch (MasterException.Unsupported e) {
            for (String title : jsonRpc.instanceTreeList()) {
                services.add(service(title).tree());
            }
            return services;
        }
    }

    /** A service as a listing row gives it (the HATEOAS service search). */
    static InstanceTree serviceFromRow(JsonNode row) {
        return new InstanceTree(
                row.path("title").asText(),
                row.path("url_string").asText(""),
                text(row, "source_reference"),
                text(row, "slap_state").flatMap(SlapMaster::listedState),
                false,
                Optional.empty());
    }

    /**
     * The real master's tree states are "start_requested" and the like; "unused" is a tree never
     * started; a state we do not know leaves the list row without one (its detail still says it).
     */
    private static Optional<RequestedState> listedState(String slapState) {
        if ("unused".equals(slapState)) {
            return Optional.of(RequestedState.STARTED);
        }
        try {
            return Optional.of(RequestedState.fromWire(slapState));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    @Override
    public ServiceDetail service(String title) throws MasterException {
        SoftwareInstance root;
        try {
            root = instanceFromJson(jsonRpc.instanceTree(title));
        } catch (MasterException.NotFound e) {
            throw new MasterException.NotFound(
                    e.endpoint(), "The master has no service titled '" + title + "' (" + e.endpoint() + ").");
        } catch (MasterException.Unsupported e) {
            root = instanceFromHateoas(title, hateoas().serviceInfo(title));
        }
        InstanceTree tree = new InstanceTree(
                root.title(),
                root.softwareReleaseUrl(),
                Optional.of(root.softwareType()),
                Optional.of(root.requestedState()),
                root.shared(),
                root.status());
        return new ServiceDetail(tree, List.of(root));
    }

    private SoftwareInstance instanceFromJson(JsonNode doc) {
        List<String> ips = new ArrayList<>();
        doc.path("ip_list")
                .forEach(pair ->
                        ips.add(pair.isArray() && pair.size() > 1 ? pair.get(1).asText() : pair.asText()));
        String statusText = doc.path("access_status_message").asText("");
        return new SoftwareInstance(
                doc.path("title").asText(),
                text(doc, "instance_guid"),
                doc.path("software_release_uri").asText(""),
                doc.path("software_type").asText("default"),
                RequestedState.fromWire(doc.path("state").asText(null)),
                doc.path("shared").asBoolean(false),
                stringMap(doc.path("parameters")),
                stringMap(doc.path("connection_parameters")),
                text(doc, "computer_guid"),
                text(doc, "compute_partition_id"),
                ips,
                statusText.isBlank() ? Optional.empty() : Optional.of(accessStatus(statusText)));
    }

    private SoftwareInstance instanceFromHateoas(String title, HateoasEndpoint.Document doc) throws MasterException {
        String where = "HATEOAS service info '" + title + "'";
        Map<String, String> parameters = instanceXml(doc.text("text_content").orElse(""), where);
        Map<String, String> connection;
        JsonNode connectionField = doc.fields().get("connection_parameter_list");
        if (connectionField != null && connectionField.isArray()) {
            connection = new LinkedHashMap<>();
            connectionField.forEach(row -> connection.put(
                    row.path("connection_key").asText(),
                    row.path("connection_value").asText()));
        } else {
            connection = instanceXml(doc.text("connection_parameter_list").orElse(""), where);
        }
        String state = doc.text("slap_state").orElse("started");
        return new SoftwareInstance(
                doc.text("reference").orElse(title),
                Optional.empty(),
                doc.text("url_string").orElse(""),
                doc.text("source_reference").orElse("default"),
                "unused".equals(state) ? RequestedState.STARTED : RequestedState.fromWire(state),
                "1".equals(doc.text("root_slave").orElse("0")),
                parameters,
                connection,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                doc.text("news").filter(n -> n.startsWith("#")).map(SlapMaster::accessStatus));
    }

    /**
     * {@code <instance><parameter id="k">v</parameter></instance>} to a map (docs/protocol.md,
     * "Instance XML"); None reads as "".
     */
    static Map<String, String> instanceXml(String xml, String where) throws MasterException {
        if (xml == null || xml.isBlank() || "None".equals(xml)) {
            return new LinkedHashMap<>();
        }
        try {
            Map<String, String> out = new LinkedHashMap<>();
            InstanceXml.fromXml(xml).forEach((k, v) -> out.put(k, v == null ? "" : v));
            return out;
        } catch (MarshalException e) {
            throw new MasterException.BadResponse(
                    where, "The instance XML from " + where + " cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, String> connectionParameters(String title) throws MasterException {
        return service(title).instances().get(0).connectionParameters();
    }

    // ------------------------------------------------------------------ supply, request

    @Override
    public void supply(String softwareReleaseUrl, String computeNodeReference) throws MasterException {
        requireText(softwareReleaseUrl, "software release URL");
        requireText(computeNodeReference, "node reference");
        slap.supplySupply(softwareReleaseUrl, computeNodeReference, "available");
    }

    @Override
    public void remove(String softwareReleaseUrl, String computeNodeReference) throws MasterException {
        requireText(softwareReleaseUrl, "software release URL");
        requireText(computeNodeReference, "node reference");
        slap.supplySupply(softwareReleaseUrl, computeNodeReference, "destroyed");
    }

    @Override
    public SoftwareInstance request(InstanceRequest request) throws MasterException {
        Map<String, ?> parameters = request.jsonInXml() ? jsonInXml(request.parameters()) : request.parameters();
        SlapEndpoint.PartitionRequest wire = new SlapEndpoint.PartitionRequest(
                request.softwareReleaseUrl(),
                request.title(),
                request.softwareType(),
                parameters,
                request.sla(),
                request.shared(),
                request.state(),
                Optional.empty());
        return sendRequest(wire);
    }

    private SoftwareInstance sendRequest(SlapEndpoint.PartitionRequest wire) throws MasterException {
        SlapObject answer;
        try {
            answer = slap.requestComputerPartition(wire);
        } catch (MasterException.NotFound e) {
            throw new MasterException.NotFound(
                    e.endpoint(),
                    "The master could not place '" + wire.title()
                            + "': no free partition"
                            + (wire.shared() ? " or no instance of that release and type to host it" : "")
                            + (wire.sla().isEmpty() ? "" : " matching " + wire.sla()) + " (HTTP 404 from "
                            + e.endpoint() + ").");
        }
        return instanceFromSlap(wire, answer);
    }

    @Override
    public SoftwareInstance changeState(String title, RequestedState state) throws MasterException {
        SoftwareInstance current = service(title).instances().get(0);
        Map<String, Object> sla = new LinkedHashMap<>();
        current.computeNodeReference().ifPresent(node -> sla.put("computer_guid", node));
        SlapEndpoint.PartitionRequest wire = new SlapEndpoint.PartitionRequest(
                current.softwareReleaseUrl(),
                title,
                current.softwareType(),
                current.parameters(),
                sla,
                current.shared(),
                state,
                Optional.empty());
        return sendRequest(wire);
    }

    private SoftwareInstance instanceFromSlap(SlapEndpoint.PartitionRequest wire, SlapObject answer) {
        Map<String, Object> s = answer.stateMap();
        Map<String, Object> rawParameters = map(s.get("_parameter_dict"));
        Map<String, String> parameters = new LinkedHashMap<>();
        rawParameters.forEach((k, v) -> {
            if (!EXTRA_PARAMETER_KEYS.contains(k)) {
                parameters.put(k, v == null ? "" : String.valueOf(v));
            }
        });
        Map<String, String> connection = new LinkedHashMap<>();
        map(s.get("_connection_dict")).forEach((k, v) -> connection.put(k, v == null ? "" : String.valueOf(v)));
        List<String> ips = new ArrayList<>();
        for (Object o :
                list(s.get("ip_list")).isEmpty() ? list(rawParameters.get("ip_list")) : list(s.get("ip_list"))) {
            if (o instanceof Tuple t && t.items().size() > 1) {
                ips.add(String.valueOf(t.items().get(1)));
            } else if (o instanceof List<?> l && l.size() > 1) {
                ips.add(String.valueOf(l.get(1)));
            }
        }
        RequestedState state = string(s.get("_requested_state"))
                .map(RequestedState::fromWire)
                .orElse(wire.state() == null ? RequestedState.STARTED : wire.state());
        return new SoftwareInstance(
                wire.title(),
                string(s.get("_instance_guid")),
                string(s.get("slap_software_release_url"))
                        .filter(u -> !u.isBlank())
                        .orElse(wire.softwareRelease()),
                string(s.get("slap_software_type")).orElse(wire.softwareType()),
                state,
                wire.shared(),
                parameters,
                connection,
                string(s.get("slap_computer_id")).filter(v -> !v.isBlank()),
                string(s.get("slap_computer_partition_id")).filter(v -> !v.isBlank()),
                ips,
                string(s.get("_access_status")).map(SlapMaster::accessStatus));
    }

    /**
     * The JSON-in-XML form (docs/protocol.md, "JSON-in-XML"): {@code {'_': json.dumps(parameters, indent=2)}},
     * top-level keys sorted because {@link InstanceRequest} does not keep their order.
     */
    private Map<String, Object> jsonInXml(Map<String, Object> parameters) throws MasterException {
        try {
            return JsonInXml.wrap(new TreeMap<>(parameters));
        } catch (IllegalArgumentException e) {
            throw new MasterException.InvalidRequest(
                    url(), "The parameters cannot be written as JSON: " + e.getMessage());
        }
    }

    /** A reader of release schemas through this client's transport (the profile's CA and client certificate). */
    @Override
    public ReleaseSchemaLoader releaseSchemas() {
        return new ReleaseSchemaLoader(http);
    }

    // ------------------------------------------------------------------ status, token

    private static boolean isSet(Object flag) {
        return flag instanceof Boolean b ? b : flag instanceof Number n ? n.longValue() != 0 : flag != null;
    }

    @Override
    public Optional<AccessStatus> nodeStatus(String computeNodeReference) throws MasterException {
        Map<String, Object> status;
        try {
            status = slap.getComputerStatus(computeNodeReference);
        } catch (MasterException.NotFound | MasterException.Unsupported e) {
            LOG.debug("no access status for {}: {}", computeNodeReference, e.getMessage());
            return Optional.empty();
        }
        Optional<String> text = string(status.get("text"));
        // the master's "no data" entry carries an #error text, but the dashboard shows it grey
        if (text.isEmpty() || isSet(status.get("no_data"))) {
            return Optional.empty();
        }
        return Optional.of(
                new AccessStatus(text.get(), instant(status.get("created_at")), instant(status.get("since"))));
    }

    @Override
    public Optional<String> nodeToken() throws MasterException {
        return hateoas().computerToken();
    }

    @Override
    public void close() {
        http.close();
    }

    // ------------------------------------------------------------------ helpers

    private static void requireText(String value, String what) throws MasterException {
        if (value == null || value.isBlank()) {
            throw new MasterException.InvalidRequest(what, "The " + what + " is empty: give one.");
        }
    }

    private static AccessStatus accessStatus(String text) {
        return new AccessStatus(text, null, null);
    }

    private static Instant instant(Object value) {
        if (!(value instanceof String s) || s.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static Optional<String> string(Object value) {
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() || v.asText().isEmpty() ? Optional.empty() : Optional.of(v.asText());
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(
                    e.getKey(),
                    e.getValue().isTextual()
                            ? e.getValue().asText()
                            : e.getValue().toString());
        }
        return out;
    }
}
