package org.slapdesk.remote.action.ha;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code om SVC print status} (OpenSVC, seed 001) read into data: the service's overall state,
 * each node's instance ({@code demo1 up idle, started}, {@code demo2 stdby up idle}) and each
 * resource ({@code disk#3 ......S. stdby up drbd ...}).
 */
public record ServiceStatus(String path, String overall, List<Instance> instances, List<Resource> resources) {

    public record Instance(String node, boolean standby, String availability, String detail) {}

    public record Resource(String id, String flags, boolean standby, String status, String description) {}

    private static final Pattern ENTRY_SPLIT = Pattern.compile("\\s+(?:\\|\\s+)*(?:\\|-|`-)\\s+");
    private static final Pattern RESOURCE_ID = Pattern.compile("[a-z]+#[\\w.]+");

    public static ServiceStatus parse(String text) {
        String[] entries = ENTRY_SPLIT.split(" " + text.trim().replace('\n', ' '));
        String path = "";
        String overall = "";
        List<Instance> instances = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        boolean inInstances = false;
        for (String raw : entries) {
            String entry = raw.trim().replaceAll("\\s+\\|$", "").trim();
            if (entry.isEmpty()) {
                continue;
            }
            String[] words = entry.split("\\s+");
            if (path.isEmpty()) {
                path = words[0];
                overall = words.length > 1 ? words[1] : "";
                continue;
            }
            if (words[0].equals("instances")) {
                inInstances = true;
                continue;
            }
            if (RESOURCE_ID.matcher(words[0]).matches() && words.length >= 3) {
                inInstances = false;
                boolean standby = words[2].equals("stdby");
                int statusAt = standby ? 3 : 2;
                String status = statusAt < words.length ? words[statusAt] : "";
                resources.add(new Resource(words[0], words[1], standby, status, rest(words, statusAt + 1)));
            } else if (words[0].contains(":")) {
                inInstances = false; // a resource group header (app:re6st, fs:binds, task:admin)
            } else if (inInstances && words.length >= 2) {
                boolean standby = words[1].equals("stdby");
                int availabilityAt = standby ? 2 : 1;
                instances.add(new Instance(words[0], standby, availabilityAt < words.length ? words[availabilityAt] : "",
                        rest(words, availabilityAt + 1)));
            }
        }
        return new ServiceStatus(path, overall, instances, resources);
    }

    private static String rest(String[] words, int from) {
        return from >= words.length ? "" : String.join(" ", java.util.Arrays.copyOfRange(words, from, words.length));
    }

    /** The node where the service is started (up and not standby). */
    public Optional<String> activeNode() {
        return instances.stream().filter(i -> !i.standby() && i.availability().equals("up")).map(Instance::node).findFirst();
    }
}
