package org.slapdesk.remote.action.ha;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads {@code om daemon status --format json} (OpenSVC 2.1) into {@link ClusterStatus} and
 * {@link ServiceStatus}. Where the agent leaves a field out, the record says so plainly
 * (undefined status, no score) instead of failing: a node that just joined has no stats yet.
 */
final class DaemonStatus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;

    private DaemonStatus(JsonNode root) {
        this.root = root;
    }

    static DaemonStatus parse(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject() || !root.path("monitor").isObject()) {
                throw new IllegalArgumentException("not an OpenSVC daemon status: no \"monitor\" object");
            }
            return new DaemonStatus(root);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    ClusterStatus cluster() {
        List<String> nodes = new ArrayList<>();
        root.path("cluster").path("nodes").forEach(n -> nodes.add(n.asText()));
        List<ClusterStatus.DaemonThread> threads = new ArrayList<>();
        root.fields().forEachRemaining(e -> {
            if (e.getValue().has("state") && !e.getKey().equals("cluster")) {
                threads.add(new ClusterStatus.DaemonThread(
                        e.getKey(), e.getValue().path("state").asText()));
            }
        });
        List<ClusterStatus.NodeStats> stats = new ArrayList<>();
        monitorNodes().forEachRemaining(e -> stats.add(nodeStats(e.getKey(), e.getValue())));
        List<ClusterStatus.ServiceSummary> services = new ArrayList<>();
        root.path("monitor").path("services").fields().forEachRemaining(e -> {
            if (e.getValue().has("avail")) {
                services.add(summary(e.getKey(), e.getValue()));
            }
        });
        return new ClusterStatus(nodes, threads, stats, services);
    }

    /** The service's instances on every node that reports one; empty if no node knows the path. */
    Optional<ServiceStatus> service(String path) {
        JsonNode summary = root.path("monitor").path("services").path(path);
        List<ServiceStatus.Instance> instances = new ArrayList<>();
        monitorNodes().forEachRemaining(e -> {
            JsonNode instance = e.getValue().path("services").path("status").path(path);
            if (instance.isObject()) {
                instances.add(instance(e.getKey(), instance));
            }
        });
        if (!summary.isObject() && instances.isEmpty()) {
            return Optional.empty();
        }
        List<String> notices = new ArrayList<>();
        if ("frozen".equals(summary.path("frozen").asText())) {
            notices.add("frozen");
        }
        Availability overall = availability(summary.path("overall"));
        if (overall == Availability.WARN) {
            notices.add("warn");
        }
        String placement = summary.path("placement").asText("");
        if (!placement.isEmpty() && !placement.equals("optimal")) {
            notices.add(placement + " placement");
        }
        return Optional.of(new ServiceStatus(path, availability(summary.path("avail")), notices, instances));
    }

    private Iterator<Map.Entry<String, JsonNode>> monitorNodes() {
        return root.path("monitor").path("nodes").fields();
    }

    private static ClusterStatus.NodeStats nodeStats(String name, JsonNode node) {
        JsonNode stats = node.path("stats");
        return new ClusterStatus.NodeStats(
                name,
                stats.has("score") ? OptionalInt.of(stats.path("score").asInt()) : OptionalInt.empty(),
                stats.path("load_15m").asDouble(),
                stats.path("mem_avail").asInt(),
                stats.path("mem_total").asLong(),
                stats.path("swap_avail").asInt(),
                stats.path("swap_total").asLong(),
                isFrozen(node.path("frozen")),
                node.path("monitor").path("status").asText(""));
    }

    private ClusterStatus.ServiceSummary summary(String path, JsonNode service) {
        Map<String, ClusterStatus.InstanceSummary> perNode = new LinkedHashMap<>();
        Optional<String> orchestrate = Optional.empty();
        Iterator<Map.Entry<String, JsonNode>> nodes = monitorNodes();
        while (nodes.hasNext()) {
            Map.Entry<String, JsonNode> e = nodes.next();
            JsonNode instance = e.getValue().path("services").path("status").path(path);
            if (instance.isObject()) {
                perNode.put(e.getKey(), instanceSummary(instance));
                orchestrate = orchestrate.or(() -> text(instance.path("orchestrate")));
            }
        }
        return new ClusterStatus.ServiceSummary(
                path,
                availability(service.path("avail")),
                availability(service.path("overall")),
                service.path("placement").asText(""),
                "frozen".equals(service.path("frozen").asText()),
                orchestrate,
                perNode);
    }

    private static ClusterStatus.InstanceSummary instanceSummary(JsonNode instance) {
        JsonNode monitor = instance.path("monitor");
        return new ClusterStatus.InstanceSummary(
                availability(instance.path("avail")),
                "leader".equals(monitor.path("placement").asText()),
                isFrozen(instance.path("frozen")),
                instance.path("provisioned").asBoolean(true),
                monitor.path("status").asText(""),
                text(monitor.path("global_expect")));
    }

    private static ServiceStatus.Instance instance(String node, JsonNode instance) {
        List<ServiceStatus.Resource> resources = new ArrayList<>();
        instance.path("resources").fields().forEachRemaining(e -> resources.add(resource(e.getKey(), e.getValue())));
        return new ServiceStatus.Instance(
                node,
                availability(instance.path("avail")),
                instanceSummary(instance).notices(),
                resources);
    }

    private static ServiceStatus.Resource resource(String id, JsonNode resource) {
        List<String> log = new ArrayList<>();
        resource.path("log").forEach(line -> log.add(line.asText()));
        return new ServiceStatus.Resource(
                id,
                resource.path("type").asText(""),
                availability(resource.path("status")),
                resource.path("label").asText(""),
                log,
                resource.path("standby").asBoolean(false),
                resource.path("optional").asBoolean(false),
                resource.path("disable").asBoolean(false),
                resource.path("provisioned").path("state").asBoolean(true));
    }

    /** {@code frozen} is a time stamp (0 when thawed) on nodes and instances. */
    private static boolean isFrozen(JsonNode frozen) {
        return frozen.isNumber() ? frozen.asDouble() > 0 : frozen.asBoolean(false);
    }

    private static Availability availability(JsonNode word) {
        return Availability.ofWord(word.asText("")).orElse(Availability.UNDEFINED);
    }

    private static Optional<String> text(JsonNode value) {
        return value.isTextual() && !value.asText().isEmpty() ? Optional.of(value.asText()) : Optional.empty();
    }
}
