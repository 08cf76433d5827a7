package org.slapdesk.master.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slapdesk.master.InstanceRequestForm;
import org.slapdesk.master.MasterQueries;
import org.slapdesk.master.MasterQueries.NodeView;
import org.slapdesk.master.MasterQueries.TreeView;
import org.slapdesk.master.MasterService;
import org.slapdesk.master.RequestError;
import org.slapdesk.master.store.ParameterColumns;
import org.slapdesk.master.store.Rows.Installation;
import org.slapdesk.master.store.Rows.Instance;

/**
 * The JSON-RPC API ("slapos master api", docs/protocol.md, "JSON-RPC"): {@code POST /slapos.<method>}, JSON
 * in and out. Errors are {@code {status, type, title}} with the HTTP code equal to status: 400
 * for a body that breaks the method's schema, 403 for objects that do not exist (as the master
 * and slapproxy answer), 405 for another verb. A not-ready instance is HTTP 200 with status 102.
 */
final class JsonRpcApi {

    @FunctionalInterface
    private interface Method {
        Object call(ObjectNode body, Caller caller, String base);
    }

    private record Spec(List<String> required, Method method) {}

    private final MasterService master;
    private final MasterQueries queries;
    private final ObjectMapper json;
    private final Map<String, Spec> methods = new HashMap<>();

    JsonRpcApi(MasterService master, ObjectMapper json) {
        this.master = master;
        this.queries = master.queries();
        this.json = json;
        define();
    }

    boolean handles(String name) {
        return methods.containsKey(name);
    }

    /** Runs {@code name} on the raw body; RequestError carries the error shape's status and title. */
    Object call(String name, byte[] raw, Caller caller, String base) {
        Spec spec = methods.get(name);
        JsonNode body;
        try {
            body = raw.length == 0 ? json.createObjectNode() : json.readTree(raw);
        } catch (IOException e) {
            throw RequestError.badRequest("the body is not JSON: "
                    + Marshalled.oneLine(e.getMessage()).split(" at \\[")[0]);
        }
        if (!(body instanceof ObjectNode object)) {
            throw RequestError.badRequest("the body must be a JSON object");
        }
        for (String field : spec.required()) {
            if (!object.has(field) || object.get(field).isNull()) {
                throw RequestError.badRequest("'" + field + "' is a required property");
            }
        }
        return spec.method().call(object, caller, base);
    }

    static Map<String, Object> error(int status, String title) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("status", status);
        e.put(
                "type",
                switch (status) {
                    case 400 -> "Bad Request";
                    case 403 -> "Forbidden";
                    case 404 -> "Not Found";
                    case 405 -> "Method Not Allowed";
                    case 408 -> "Request Timeout";
                    case 409 -> "Conflict";
                    case 413 -> "Request Entity Too Large";
                    default -> "Error";
                });
        e.put("title", title);
        return e;
    }

    private static Map<String, Object> success(String title) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "success");
        s.put("title", title);
        return s;
    }

    private void on(String name, List<String> required, Method method) {
        methods.put("slapos." + name, new Spec(required, method));
    }

    private static String text(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw RequestError.badRequest("'" + field + "' must be a string");
        }
        return v.asText();
    }

    private Map<String, Object> object(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return Map.of();
        }
        if (!v.isObject()) {
            throw RequestError.badRequest("'" + field + "' must be an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = json.convertValue(v, LinkedHashMap.class);
        return map;
    }

    private boolean visible(Caller caller, Object rootTitle) {
        return rootTitle == null || master.treeOwners().visible(caller.name(), caller.admin(), rootTitle.toString());
    }

    /** Renames "not found" to 403 as the master's JSON-RPC does. */
    private static <T> T forbiddenIfMissing(Supplier<T> call) {
        try {
            return call.get();
        } catch (RequestError e) {
            if (e.status() == 404) {
                throw RequestError.forbidden(e.getMessage());
            }
            throw e;
        }
    }

    /** (computer, partition, shared reference) of an allocated instance, for the SLAP-level operations. */
    private record Placement(String computer, String partition, String sharedReference, Instance instance) {}

    private Placement placement(String guid) {
        Instance i = queries.withStore(store -> queries.requireInstance(store, guid));
        if (!i.allocated()) {
            throw RequestError.forbidden("instance " + guid + " is not allocated yet");
        }
        return new Placement(i.computerReference(), i.partitionReference(), i.shared() ? i.guid() : null, i);
    }

    private void define() {
        on(
                "post.v0.software_instance",
                List.of("title", "software_release_uri", "software_type"),
                (b, caller, base) -> {
                    caller.requireUser("a request");
                    JsonNode shared = b.get("shared");
                    if (text(b, "title") != null) {
                        master.treeOwners().claim(caller.name(), caller.admin(), text(b, "title"));
                    }
                    if (shared != null && !shared.isNull() && !shared.isBoolean()) {
                        throw RequestError.badRequest("'shared' must be a boolean");
                    }
                    MasterService.RequestOutcome outcome =
                            forbiddenIfMissing(() -> master.request(new InstanceRequestForm(
                                    text(b, "software_release_uri"),
                                    text(b, "title"),
                                    text(b, "software_type"),
                                    object(b, "parameters"),
                                    object(b, "sla_parameters"),
                                    text(b, "state"),
                                    shared != null && shared.asBoolean(),
                                    null,
                                    null)));
                    if (!outcome.allocated()) {
                        Map<String, Object> notReady = new LinkedHashMap<>();
                        notReady.put("status", 102);
                        notReady.put("name", "SoftwareInstanceNotReady");
                        notReady.put("message", "Software Instance Not Ready");
                        return notReady;
                    }
                    return queries.instanceByGuid(outcome.instance().guid())
                            .orElseGet(() -> Map.of(
                                    "title",
                                    outcome.instance().title(),
                                    "instance_guid",
                                    outcome.instance().guid(),
                                    "state",
                                    "destroyed"));
                });
        on("get.v0.software_instance", List.of("instance_guid"), (b, caller, base) -> {
            caller.requireUser("reading an instance");
            return queries.instanceByGuid(text(b, "instance_guid"))
                    .filter(i -> visible(caller, i.get("root_instance_title")))
                    .orElseThrow(() ->
                            RequestError.forbidden("No software instance " + text(b, "instance_guid") + " found."));
        });
        on("get.v0.compute_partition", List.of("computer_guid", "compute_partition_id"), (b, caller, base) -> {
            caller.requirePartition(text(b, "computer_guid"), text(b, "compute_partition_id"), "reading a partition");
            return queries.instanceOnPartitionDocument(text(b, "computer_guid"), text(b, "compute_partition_id"))
                    .orElseThrow(() -> RequestError.forbidden(
                            "No instance on partition " + text(b, "compute_partition_id") + " found."));
        });
        on("get.v0.instance_tree", List.of("title"), (b, caller, base) -> {
            caller.requireUser("reading an instance tree");
            return queries.rootDocument(text(b, "title"))
                    .filter(tree -> visible(caller, text(b, "title")))
                    .orElseThrow(() -> RequestError.forbidden("No instance tree " + text(b, "title") + " found."));
        });
        on("allDocs.v0.compute_node_instance_list", List.of("computer_guid"), (b, caller, base) -> {
            String computer = text(b, "computer_guid");
            caller.requireNode(computer, "listing instances");
            NodeView node = node(computer);
            List<Object> result = new ArrayList<>();
            node.instanceByPartition().forEach((partition, i) -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("title", i.title());
                row.put("instance_guid", i.guid());
                row.put("state", i.requestedState());
                row.put("compute_partition_id", partition);
                row.put("software_release_uri", i.softwareRelease());
                result.add(row);
            });
            return Map.of("result_list", result);
        });
        on("allDocs.v0.compute_node_software_installation_list", List.of("computer_guid"), (b, caller, base) -> {
            String computer = text(b, "computer_guid");
            caller.requireNode(computer, "listing installations");
            List<Object> result = new ArrayList<>();
            for (Installation i : node(computer).installations()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("software_release_uri", i.url());
                row.put("state", i.requestedState());
                result.add(row);
            }
            return Map.of("result_list", result);
        });
        on("allDocs.v0.instance_node_instance_list", List.of("instance_guid"), (b, caller, base) -> {
            String guid = text(b, "instance_guid");
            Placement host = placement(guid);
            caller.requirePartition(host.computer(), host.partition(), "listing shared instances");
            if (host.instance().shared()) {
                throw RequestError.forbidden("No software instance " + guid + " found.");
            }
            List<Object> result = new ArrayList<>();
            for (Instance s : queries.withStore(
                    store -> store.sharedOnHost(host.instance().id()))) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("title", s.title());
                row.put("instance_guid", s.guid());
                row.put("software_type", s.softwareType());
                row.put("state", s.requestedState());
                row.put("parameters", ParameterColumns.read(s.parameterXml()));
                row.put("compute_partition_id", host.partition());
                result.add(row);
            }
            return Map.of("result_list", result);
        });
        on("allDocs.v0.instance_tree_list", List.of(), (b, caller, base) -> {
            caller.requireUser("listing instance trees");
            List<Object> result = new ArrayList<>();
            for (TreeView tree : queries.trees(null)) {
                if (visible(caller, tree.root().title())) {
                    result.add(Map.of("title", tree.root().title()));
                }
            }
            return Map.of("result_list", result);
        });
        on("post.v0.software_installation", List.of("computer_guid", "software_release_uri"), (b, caller, base) -> {
            caller.requireUser("supply");
            String state = Optional.ofNullable(text(b, "state")).orElse("available");
            return success(forbiddenIfMissing(
                    () -> master.supply(text(b, "software_release_uri"), text(b, "computer_guid"), state)));
        });
        on(
                "put.v0.software_installation_reported_state",
                List.of("computer_guid", "software_release_uri", "reported_state"),
                (b, caller, base) -> {
                    String computer = text(b, "computer_guid");
                    caller.requireNode(computer, "reporting");
                    String reported = text(b, "reported_state");
                    if (!List.of("available", "building", "destroyed").contains(reported)) {
                        throw RequestError.badRequest("'reported_state' must be available, building or destroyed");
                    }
                    forbiddenIfMissing(
                            () -> master.softwareReport(computer, text(b, "software_release_uri"), reported, null));
                    return success("destroyed".equals(reported) ? "Destroyed" : "State reported");
                });
        on(
                "put.v0.software_installation_error",
                List.of("computer_guid", "software_release_uri", "message"),
                (b, caller, base) -> {
                    String computer = text(b, "computer_guid");
                    caller.requireNode(computer, "reporting");
                    forbiddenIfMissing(() -> master.softwareReport(
                            computer, text(b, "software_release_uri"), "error", text(b, "message")));
                    return success("Error reported");
                });
        on("put.v0.software_instance_reported_state", List.of("instance_guid", "reported_state"), (b, caller, base) -> {
            Placement p = placement(text(b, "instance_guid"));
            caller.requirePartition(p.computer(), p.partition(), "reporting");
            String reported = text(b, "reported_state");
            switch (reported) {
                case "started", "stopped" -> {
                    if (p.sharedReference() == null) {
                        master.instanceReport(p.computer(), p.partition(), reported);
                    }
                    return success("State reported");
                }
                case "destroyed" -> {
                    if (p.sharedReference() != null) {
                        return success("Ignored");
                    }
                    String answer = master.destroyedPartition(p.computer(), p.partition());
                    if (!"OK".equals(answer)) {
                        throw RequestError.forbidden(answer);
                    }
                    return success("Destroyed");
                }
                default -> throw RequestError.badRequest("'reported_state' must be started, stopped or destroyed");
            }
        });
        on("put.v0.software_instance_error", List.of("instance_guid", "message"), (b, caller, base) -> {
            Placement p = placement(text(b, "instance_guid"));
            caller.requirePartition(p.computer(), p.partition(), "reporting");
            master.instanceError(p.computer(), p.partition(), text(b, "message"), p.sharedReference());
            return success("Error reported");
        });
        on("put.v0.software_instance_bang", List.of("instance_guid", "message"), (b, caller, base) -> {
            Placement p = placement(text(b, "instance_guid"));
            caller.requirePartition(p.computer(), p.partition(), "bang");
            if (p.sharedReference() != null) {
                throw RequestError.forbidden("a shared instance cannot be banged: bang its host");
            }
            master.bang(p.computer(), p.partition(), text(b, "message"));
            return success("Bang handled");
        });
        on("put.v0.software_instance_title", List.of("instance_guid", "title"), (b, caller, base) -> {
            Placement p = placement(text(b, "instance_guid"));
            caller.requirePartition(p.computer(), p.partition(), "rename");
            master.rename(p.computer(), p.partition(), text(b, "title"), p.sharedReference());
            return success("Renamed");
        });
        on(
                "put.v0.software_instance_connection_parameter",
                List.of("instance_guid", "connection_parameter_dict"),
                (b, caller, base) -> {
                    Placement p = placement(text(b, "instance_guid"));
                    caller.requirePartition(p.computer(), p.partition(), "publishing connection parameters");
                    if (!b.get("connection_parameter_dict").isObject()) {
                        throw RequestError.badRequest("'connection_parameter_dict' must be an object");
                    }
                    master.setConnection(
                            p.computer(), p.partition(), object(b, "connection_parameter_dict"), p.sharedReference());
                    return success("Updated");
                });
        on("put.v0.compute_node_format", List.of("computer_guid", "compute_partition_list"), (b, caller, base) -> {
            String computer = text(b, "computer_guid");
            caller.requireNode(computer, "format");
            master.format(formatDict(computer, b.get("compute_partition_list")));
            return success("Formatted");
        });
        on("put.v0.compute_node_bang", List.of("computer_guid", "message"), (b, caller, base) -> {
            String computer = text(b, "computer_guid");
            caller.requireNode(computer, "bang");
            forbiddenIfMissing(() -> master.computerBang(computer, text(b, "message")));
            return success("Bang handled");
        });
        on("post.v0.compute_node_usage", List.of("computer_guid", "tioxml"), (b, caller, base) -> {
            String computer = text(b, "computer_guid");
            caller.requireNode(computer, "usage");
            text(b, "tioxml");
            forbiddenIfMissing(() -> {
                master.revokeNodeCertificates(computer, caller.ownNodeSerial(computer));
                return null;
            });
            return success("Revoked");
        });
        on("get.v0.compute_node_status", List.of("computer_guid"), (b, caller, base) -> {
            String computer = text(b, "computer_guid");
            caller.requireNode(computer, "status");
            Map<String, Object> status = forbiddenIfMissing(() -> master.computerStatus(computer));
            return Map.of("text", status.get("text"));
        });
        on("get.v0.hateoas_url", List.of(), (b, caller, base) -> Map.of("hateoas_url", base + "hateoas/"));
        on("post.v0.compute_node_certificate", List.of("computer_guid"), (b, caller, base) -> {
            String computer = text(b, "computer_guid");
            caller.requireNode(computer, "certificate");
            return forbiddenIfMissing(() -> master.nodeCertificate(computer));
        });
        on("remove.v0.compute_node_certificate", List.of("computer_guid"), (b, caller, base) -> {
            String computer = text(b, "computer_guid");
            caller.requireNode(computer, "certificate");
            forbiddenIfMissing(() -> {
                master.revokeNodeCertificates(computer, caller.ownNodeSerial(computer));
                return null;
            });
            return success("Revoked");
        });
        on("get.v0.software_instance_certificate", List.of("instance_guid"), (b, caller, base) -> {
            Placement p = placement(text(b, "instance_guid"));
            caller.requirePartition(p.computer(), p.partition(), "certificate");
            return master.partitionCertificate(p.computer(), p.partition());
        });
    }

    private NodeView node(String computer) {
        List<NodeView> nodes = queries.nodes(computer);
        if (nodes.isEmpty()) {
            throw RequestError.forbidden(computer + " is not registered.");
        }
        return nodes.get(0);
    }

    /** The JSON format body as the dict {@code loadComputerConfigurationFromXML} takes. */
    private static Map<String, Object> formatDict(String computer, JsonNode list) {
        if (!list.isArray()) {
            throw RequestError.badRequest("'compute_partition_list' must be an array");
        }
        List<Object> partitions = new ArrayList<>();
        for (JsonNode p : list) {
            if (!p.isObject() || !p.path("partition_id").isTextual()) {
                throw RequestError.badRequest("each partition needs a string 'partition_id'");
            }
            String id = p.get("partition_id").asText();
            List<Object> addresses = new ArrayList<>();
            String interfaceName = null;
            for (JsonNode ip : p.path("ip_list")) {
                if (!ip.path("ip-address").isTextual()) {
                    throw RequestError.badRequest("each ip of " + id + " needs a string 'ip-address'");
                }
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("addr", ip.get("ip-address").asText());
                a.put(
                        "netmask",
                        ip.path("netmask").isTextual() ? ip.get("netmask").asText() : null);
                addresses.add(a);
                if (ip.path("network-interface").isTextual()) {
                    interfaceName = ip.get("network-interface").asText();
                }
            }
            Map<String, Object> partition = new LinkedHashMap<>();
            partition.put("reference", id);
            partition.put("address_list", addresses);
            Map<String, Object> tap = new LinkedHashMap<>();
            tap.put("name", interfaceName);
            partition.put("tap", tap);
            partitions.add(partition);
        }
        Map<String, Object> computerDict = new LinkedHashMap<>();
        computerDict.put("reference", computer);
        computerDict.put("partition_list", partitions);
        return computerDict;
    }
}
