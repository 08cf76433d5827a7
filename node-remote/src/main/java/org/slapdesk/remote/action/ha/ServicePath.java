package org.slapdesk.remote.action.ha;

import java.util.Set;
import java.util.regex.Pattern;
import org.slapdesk.remote.action.InvalidInputException;

/** An OpenSVC object path {@code namespace/kind/name}, e.g. {@code slapos/svc/comp1} (seed 001). */
public record ServicePath(String namespace, String kind, String name) {

    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9]([a-z0-9._-]{0,61}[a-z0-9])?");
    public static final Set<String> KINDS = Set.of("svc", "vol", "cfg", "sec", "usr", "nscfg", "ccfg");

    public ServicePath {
        for (String segment : new String[] {namespace, kind, name}) {
            if (segment == null || !SEGMENT.matcher(segment).matches()) {
                throw new InvalidInputException(
                        "'" + namespace + "/" + kind + "/" + name + "' is not an OpenSVC path:"
                                + " namespace/kind/name, each lowercase letters, digits, '.', '_' or '-' (e.g. slapos/svc/comp1)");
            }
        }
        if (!KINDS.contains(kind)) {
            throw new InvalidInputException("'" + kind + "' is not an OpenSVC kind: one of "
                    + KINDS.stream().sorted().toList());
        }
    }

    public static ServicePath parse(String path) {
        String[] parts = path == null ? new String[0] : path.split("/", -1);
        if (parts.length != 3) {
            throw new InvalidInputException("'" + path + "' is not an OpenSVC path: give namespace/kind/name"
                    + " (e.g. slapos/svc/comp1, as `om daemon status` lists it)");
        }
        return new ServicePath(parts[0], parts[1], parts[2]);
    }

    /** True for objects that start, stop and move (services and volumes). */
    public boolean isStartable() {
        return kind.equals("svc") || kind.equals("vol");
    }

    @Override
    public String toString() {
        return namespace + "/" + kind + "/" + name;
    }
}
