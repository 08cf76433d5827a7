package org.slapdesk.remote.action.ha;

import java.util.List;
import java.util.Optional;

/**
 * What {@code om PATH print status} shows: the service's overall status, each instance (node,
 * status, monitor notices such as {@code idle}, {@code started}) and the resources of the
 * instance on the node asked (the others show no resources).
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

    /**
     * A resource line, e.g. {@code disk#3 ......S. stdby up drbd comp1...} with its log lines
     * ({@code info: Primary}). Flags, one character each: R running, M monitored, D disabled,
     * O optional, E encapsulated, P not provisioned ({@code /}: n/a), S standby, then the
     * restarts left ({@code .}: none configured).
     */
    public record Resource(
            String id,
            String flags,
            Availability state,
            String description,
            Optional<String> subset,
            boolean parallelSubset,
            List<String> log) {
        public Resource {
            log = List.copyOf(log);
        }

        public boolean running() {
            return flag(0, 'R');
        }

        public boolean monitored() {
            return flag(1, 'M');
        }

        public boolean disabled() {
            return flag(2, 'D');
        }

        public boolean optional() {
            return flag(3, 'O');
        }

        public boolean encapsulated() {
            return flag(4, 'E');
        }

        public boolean unprovisioned() {
            return flag(5, 'P');
        }

        public boolean standby() {
            return flag(6, 'S');
        }

        private boolean flag(int i, char c) {
            return flags.length() > i && flags.charAt(i) == c;
        }
    }

    /** For people: the service, then each instance with its resources, one per line. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append(path)
                .append(' ')
                .append(avail.word())
                .append(noticeText(notices))
                .append('\n');
        for (Instance instance : instances) {
            out.append("  ")
                    .append(instance.node())
                    .append(' ')
                    .append(instance.avail().word())
                    .append(noticeText(instance.notices()))
                    .append('\n');
            for (Resource r : instance.resources()) {
                out.append(String.format(
                        "    %-16s %s %-10s %s%s%n",
                        r.id(),
                        r.flags(),
                        r.state().word(),
                        r.description(),
                        r.log().isEmpty() ? "" : "  [" + String.join("; ", r.log()) + "]"));
            }
        }
        return out.toString();
    }

    private static String noticeText(List<String> notices) {
        return notices.isEmpty() ? "" : " (" + String.join(", ", notices) + ")";
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
}
