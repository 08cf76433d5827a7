package org.slapdesk.remote.action.ha;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code om mon} (OpenSVC, seed 001) read into data: the cluster's nodes, the daemon threads'
 * states, and per service its availability, topology, instance count and each node's state
 * symbol ({@code O} up, {@code S} standby up, {@code X} down, {@code ^} preferred node...).
 * Works on the usual columns and on the same text with its line breaks lost (as in the seed).
 */
public record ClusterMonitor(List<String> nodes, Map<String, String> threads, List<Service> services) {

    /** One service line: {@code slapos/svc/comp1 up ha 1/1 | O^ S}. */
    public record Service(String path, String availability, String topology, String instances, Map<String, String> nodeStates) {

        /** The node whose state symbol says the service runs there ({@code O}), if one does. */
        public java.util.Optional<String> runningOn() {
            return nodeStates.entrySet().stream().filter(e -> e.getValue().startsWith("O")).map(Map.Entry::getKey).findFirst();
        }
    }

    private static final java.util.Set<String> THREADS = java.util.Set.of("daemon", "listener", "monitor", "scheduler", "dns",
            "collector");

    public static ClusterMonitor parse(String text) {
        List<String> tokens = List.of(text.trim().split("\\s+"));
        List<String> nodes = new ArrayList<>();
        Map<String, String> threads = new LinkedHashMap<>();
        List<Service> services = new ArrayList<>();
        int threadsAt = tokens.indexOf("Threads");
        int nodesAt = tokens.indexOf("Nodes");
        if (threadsAt >= 0) {
            int end = nodesAt > threadsAt ? nodesAt : tokens.size();
            for (int i = threadsAt + 1; i < end - 1; i++) {
                String t = tokens.get(i);
                if (THREADS.contains(t) || t.startsWith("hb#")) {
                    threads.put(t, tokens.get(i + 1));
                }
            }
        }
        int svcAt = tokens.indexOf("*/svc/*");
        if (svcAt < 0) {
            return new ClusterMonitor(headerNodes(tokens, nodesAt), threads, services);
        }
        int i = svcAt + 1;
        while (i < tokens.size() && !tokens.get(i).contains("/")) {
            nodes.add(tokens.get(i));
            i++;
        }
        while (i < tokens.size()) {
            String path = tokens.get(i);
            if (!path.contains("/") || i + 1 >= tokens.size()) {
                i++;
                continue;
            }
            String availability = tokens.get(i + 1);
            int j = i + 2;
            StringBuilder topology = new StringBuilder();
            while (j < tokens.size() && !tokens.get(j).matches("\\d+/\\d+") && !tokens.get(j).equals("|")) {
                topology.append(topology.length() == 0 ? "" : " ").append(tokens.get(j));
                j++;
            }
            String instances = j < tokens.size() && tokens.get(j).matches("\\d+/\\d+") ? tokens.get(j++) : "";
            if (j < tokens.size() && tokens.get(j).equals("|")) {
                j++;
            }
            Map<String, String> states = new LinkedHashMap<>();
            for (String node : nodes) {
                if (j < tokens.size() && !tokens.get(j).contains("/")) {
                    states.put(node, tokens.get(j++));
                }
            }
            services.add(new Service(path, availability, topology.toString(), instances, states));
            i = j;
        }
        return new ClusterMonitor(nodes, threads, services);
    }

    private static List<String> headerNodes(List<String> tokens, int nodesAt) {
        List<String> nodes = new ArrayList<>();
        for (int i = nodesAt + 1; nodesAt >= 0 && i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.equals("score") || t.equals("|")) {
                break;
            }
            nodes.add(t);
        }
        return nodes;
    }

    public java.util.Optional<Service> service(String path) {
        return services.stream().filter(s -> s.path().equals(path)).findFirst();
    }
}
