package org.slapdesk.remote.action.ha;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A service as the daemon reports it ({@code om daemon status --format json}): its overall
 * status and notices, and each node's instance with its status, notices ({@code frozen},
 * {@code idle}, {@code >started}) and resources.
 */
public record ServiceStatus(String path, Availability avail, List<String> notices, List<Instance> instances) {

    public ServiceStatus {
        notices = List.copyOf(notices);
        instances = List.copyOf(instances);
    }

    public record Instance(String node, Availability avail, List<String> notices, List<Resource> resources) {
        public Instance {
            notices = List.copyOf(notices);
            resources = List.copyOf(resources);
        }
    }

    /** A resource ({@code fs#flag}, {@code app#sleeper}): its driver, status, label, log lines and flags. */
    public record Resource(
            String id,
            String type,
            Availability state,
            String label,
            List<String> log,
            boolean standby,
            boolean optional,
            boolean disabled,
            boolean provisioned) {
        public Resource {
            log = List.copyOf(log);
        }

        /** {@code standby, not provisioned}: what sets the resource apart, if anything. */
        public List<String> marks() {
            List<String> marks = new ArrayList<>();
            if (standby) {
                marks.add("standby");
            }
            if (optional) {
                marks.add("optional");
            }
            if (disabled) {
                marks.add("disabled");
            }
            if (!provisioned) {
                marks.add("not provisioned");
            }
            return List.copyOf(marks);
        }
    }

    public Optional<Instance> instance(String node) {
        return instances.stream().filter(i -> i.node().equals(node)).findFirst();
    }

    /** The nodes where the instance is up (a standby instance is not). */
    public List<String> upOn() {
        return instances.stream()
                .filter(i -> i.avail().isUp())
                .map(Instance::node)
                .toList();
    }

    /** For people: the service, then each instance with its resources, one per line. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append(path)
                .append(' ')
                .append(avail.word())
                .append(listed(notices))
                .append('\n');
        for (Instance instance : instances) {
            out.append("  ")
                    .append(instance.node())
                    .append(' ')
                    .append(instance.avail().word())
                    .append(listed(instance.notices()))
                    .append('\n');
            for (Resource r : instance.resources()) {
                out.append(String.format(
                        "    %-16s %-10s %s%s%s%n",
                        r.id(),
                        r.state().word(),
                        r.label(),
                        listed(r.marks()),
                        r.log().isEmpty() ? "" : "  [" + String.join("; ", r.log()) + "]"));
            }
        }
        return out.toString();
    }

    private static String listed(List<String> words) {
        return words.isEmpty() ? "" : " (" + String.join(", ", words) + ")";
    }
}
