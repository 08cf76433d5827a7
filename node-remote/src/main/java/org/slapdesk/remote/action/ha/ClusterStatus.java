package org.slapdesk.remote.action.ha;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The cluster as {@code om daemon status --format json} reports it: the daemon's threads, the
 * cluster nodes with their stats, and the services with each node's instance.
 */
public record ClusterStatus(
        List<String> nodes, List<DaemonThread> threads, List<NodeStats> nodeStats, List<ServiceSummary> services) {

    public ClusterStatus {
        nodes = List.copyOf(nodes);
        threads = List.copyOf(threads);
        nodeStats = List.copyOf(nodeStats);
        services = List.copyOf(services);
    }

    /** A daemon thread ({@code listener}, {@code monitor}, {@code hb#1.rx}...) and its state. */
    public record DaemonThread(String name, String state) {
        public boolean isRunning() {
            return state.equals("running");
        }
    }

    /**
     * One cluster node: placement score, 15 min load, available memory and swap in percent with
     * their totals in MB, whether it is frozen, and its monitor's state ({@code idle}...).
     */
    public record NodeStats(
            String node,
            OptionalInt score,
            double load15m,
            int memAvailPercent,
            long memTotalMb,
            int swapAvailPercent,
            long swapTotalMb,
            boolean frozen,
            String state) {}

    /** A service: its overall status, placement and each node's instance. */
    public record ServiceSummary(
            String path,
            Availability avail,
            Availability overall,
            String placement,
            boolean frozen,
            Optional<String> orchestrate,
            Map<String, InstanceSummary> perNode) {
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

        /** {@code 1/2}: instances up over instances. */
        public String upInstances() {
            return upOn().size() + "/" + perNode.size();
        }
    }

    /**
     * One node's instance of a service: its status, whether it is the placement leader, frozen,
     * provisioned, the monitor's state ({@code idle}, {@code starting}) and the cluster-wide
     * target ({@code started}, {@code placed@sdt2}) while there is one.
     */
    public record InstanceSummary(
            Availability avail,
            boolean leader,
            boolean frozen,
            boolean provisioned,
            String monitor,
            Optional<String> globalExpect) {

        /** What {@code om} prints beside the status: {@code frozen, not provisioned, idle, >started}. */
        public List<String> notices() {
            List<String> notices = new ArrayList<>();
            if (frozen) {
                notices.add("frozen");
            }
            if (!provisioned) {
                notices.add("not provisioned");
            }
            if (!monitor.isEmpty()) {
                notices.add(monitor);
            }
            globalExpect.ifPresent(g -> notices.add(">" + g));
            return List.copyOf(notices);
        }
    }

    public Optional<ServiceSummary> service(String path) {
        return services.stream().filter(s -> s.path().equals(path)).findFirst();
    }

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
                    n.score().isPresent() ? String.valueOf(n.score().getAsInt()) : "-",
                    n.load15m(),
                    n.memAvailPercent() + "% of " + n.memTotalMb() + "M",
                    n.swapTotalMb() == 0 ? "-" : n.swapAvailPercent() + "% of " + n.swapTotalMb() + "M",
                    (n.frozen() ? "  frozen" : "") + (n.state().equals("idle") ? "" : "  " + n.state())));
        }
        threads.stream()
                .filter(t -> !t.isRunning())
                .forEach(t -> out.append("thread " + t.name() + " is " + t.state() + "\n"));
        for (ServiceSummary s : services) {
            out.append(String.format(
                    "%-30s %-5s %s %s  up on: %s%n",
                    s.path(),
                    s.avail().word(),
                    s.orchestrate().orElse("-"),
                    s.upInstances(),
                    s.upOn().isEmpty() ? "-" : String.join(", ", s.upOn())));
        }
        return out.toString();
    }
}
