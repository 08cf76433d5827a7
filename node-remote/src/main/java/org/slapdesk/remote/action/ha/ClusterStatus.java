package org.slapdesk.remote.action.ha;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What {@code om mon} shows: the daemon's threads, the cluster nodes and the services, per node. */
public record ClusterStatus(
        List<String> nodes, List<DaemonThread> threads, List<NodeStats> nodeStats, List<ServiceSummary> services) {

    public ClusterStatus {
        nodes = List.copyOf(nodes);
        threads = List.copyOf(threads);
        nodeStats = List.copyOf(nodeStats);
        services = List.copyOf(services);
    }

    /** A daemon thread, e.g. {@code hb#1.rx running [::]:10000} with {@code demo1: /, demo2: O}. */
    public record DaemonThread(String name, String state, String config, Map<String, String> perNode) {
        public DaemonThread {
            perNode = Collections.unmodifiableMap(new LinkedHashMap<>(perNode));
        }

        public boolean isRunning() {
            return state.equals("running");
        }
    }

    /** One cluster node: score, 15 min load, memory and swap as {@code om mon} prints them, and its state. */
    public record NodeStats(
            String node, Optional<Integer> score, String load15m, String mem, String swap, String state) {}

    /** A service: its overall status, warn / non-optimal placement marks, orchestration, up count, and each node's instance. */
    public record ServiceSummary(
            String path,
            Availability avail,
            boolean warn,
            boolean nonOptimalPlacement,
            String orchestrate,
            String upInstances,
            Map<String, InstanceCell> perNode) {
        public ServiceSummary {
            perNode = Collections.unmodifiableMap(new LinkedHashMap<>(perNode));
        }

        /** The nodes where the instance is up. */
        public List<String> upOn() {
            return perNode.entrySet().stream()
                    .filter(e -> e.getValue().avail().isUp())
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }

    /**
     * One instance's cell, e.g. {@code O^}: availability icon, then {@code !} warn, {@code ^}
     * placement leader, {@code *} frozen, {@code P} not provisioned, then the monitor state
     * ({@code starting}) and the global expectation ({@code >started}) when there are some.
     */
    public record InstanceCell(
            String raw,
            Availability avail,
            boolean warn,
            boolean leader,
            boolean frozen,
            boolean unprovisioned,
            Optional<String> monitor,
            Optional<String> globalExpect) {}

    /**
     * For people: a line per node (score, load, memory, swap), a line per daemon thread that is
     * not running, and a line per service with where it is up.
     */
    public String describe() {
        StringBuilder out = new StringBuilder();
        for (NodeStats n : nodeStats) {
            out.append(String.format(
                    "node %-20s score %-4s load15m %-6s mem %-14s swap %s%s%n",
                    n.node(),
                    n.score().map(String::valueOf).orElse("-"),
                    n.load15m(),
                    n.mem(),
                    n.swap(),
                    n.state().isEmpty() ? "" : "  " + n.state()));
        }
        threads.stream()
                .filter(t -> !t.isRunning())
                .forEach(t -> out.append("thread " + t.name() + " is " + t.state() + "\n"));
        for (ServiceSummary s : services) {
            out.append(String.format(
                    "%-30s %-5s %s %s  up on: %s%n",
                    s.path(),
                    s.avail().word(),
                    s.orchestrate(),
                    s.upInstances(),
                    s.upOn().isEmpty() ? "-" : String.join(", ", s.upOn())));
        }
        return out.toString();
    }

    public Optional<ServiceSummary> service(String path) {
        return services.stream().filter(s -> s.path().equals(path)).findFirst();
    }
}
