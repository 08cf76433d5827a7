package org.slapdesk.remote.action.ha;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slapdesk.remote.action.ha.ServiceStatus.Instance;
import org.slapdesk.remote.action.ha.ServiceStatus.Resource;

/**
 * Reads {@code om PATH print status} (OpenSVC 2), a tree drawn with {@code |-}, {@code `-} and
 * {@code |}. It works on words, so the tree as printed and the same text flattened on one line
 * (seed 001) read alike: entries start at a {@code |-} or {@code `-}; a lone {@code |} is a
 * tree line and carries nothing. The agent wraps the last column to the terminal width (78
 * columns without a terminal), so an instance's notices or a resource's text may go on over
 * the next lines: they belong to the entry above. A resource's log lines ({@code info: Primary},
 * {@code warn: sdt2 need update}) start with their level. A resource belongs to the subset
 * above it ({@code fs:binds}) when its id has the subset's group ({@code fs#1}), which is how
 * OpenSVC orders them.
 */
final class StatusParser {

    private static final Pattern FLAGS = Pattern.compile("[.R][.M][.D][.O][.E][.P/][.S][.0-9+]");
    /** How a resource's log line starts ({@code info: Primary}). */
    private static final Set<String> LOG_LEVELS = Set.of("debug:", "info:", "warn:", "error:");

    private static final Set<String> RELATION_SECTIONS = Set.of("parents", "children", "slaves", "scaler");

    private StatusParser() {}

    static ServiceStatus parse(String text) {
        List<String> words = Arrays.stream(text.strip().split("\\s+"))
                .filter(w -> !w.isEmpty())
                .toList();
        if (words.isEmpty()) {
            throw new IllegalArgumentException("`om print status` printed nothing");
        }
        List<List<String>> entries = new ArrayList<>();
        List<String> current = new ArrayList<>();
        entries.add(current); // the header: path and status
        for (String w : words) {
            if (w.equals("|-") || w.equals("`-")) {
                current = new ArrayList<>();
                entries.add(current);
            } else if (!w.equals("|")) {
                current.add(w);
            }
        }
        List<String> header = entries.get(0);
        Status top = status(header, 1);
        List<Instance> instances = new ArrayList<>();
        List<List<Resource>> resourcesOf = new ArrayList<>();
        String section = "";
        String subset = null;
        boolean parallel = false;
        List<Resource> resources = null;
        for (int i = 1; i < entries.size(); i++) {
            List<String> e = entries.get(i);
            if (e.isEmpty()) {
                continue;
            }
            if (e.size() == 1 && (e.get(0).equals("instances") || RELATION_SECTIONS.contains(e.get(0)))) {
                section = e.get(0);
                continue;
            }
            if (!section.equals("instances")) {
                continue; // parents / children / slaves: other objects, listed by `om mon`
            }
            if (e.size() >= 2 && FLAGS.matcher(e.get(1)).matches()) {
                String id = e.get(0);
                if (subset != null && !group(id).equals(subset.substring(0, subset.indexOf(':')))) {
                    subset = null;
                }
                Status st = status(e, 2);
                if (resources == null) {
                    throw new IllegalArgumentException(
                            "a resource (" + id + ") before any instance in `om print status`");
                }
                int firstLog = firstLogWord(st.rest());
                resources.add(new Resource(
                        id,
                        e.get(1),
                        st.avail(),
                        String.join(" ", st.rest().subList(0, firstLog)),
                        Optional.ofNullable(subset),
                        subset != null && parallel,
                        logLines(st.rest().subList(firstLog, st.rest().size()))));
            } else if (e.get(0).contains(":") && !e.get(0).contains("#")) {
                subset = e.get(0);
                parallel = e.contains("//");
            } else {
                Status st = status(e, 1);
                resources = new ArrayList<>();
                subset = null;
                instances.add(new Instance(e.get(0), st.avail(), notices(st.rest()), List.of()));
                resourcesOf.add(resources);
            }
        }
        List<Instance> complete = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            Instance in = instances.get(i);
            complete.add(new Instance(in.node(), in.avail(), in.notices(), resourcesOf.get(i)));
        }
        return new ServiceStatus(header.get(0), top.avail(), notices(top.rest()), complete);
    }

    private record Status(Availability avail, List<String> rest) {}

    /** The status words at {@code from} ({@code up}, or two words: {@code stdby up}) and what follows. */
    private static Status status(List<String> e, int from) {
        if (from < e.size()) {
            if (from + 1 < e.size()) {
                Optional<Availability> two = Availability.ofWord(e.get(from) + " " + e.get(from + 1));
                if (two.isPresent()) {
                    return new Status(two.get(), e.subList(from + 2, e.size()));
                }
            }
            Optional<Availability> one = Availability.ofWord(e.get(from));
            if (one.isPresent()) {
                return new Status(one.get(), e.subList(from + 1, e.size()));
            }
            return new Status(Availability.UNDEFINED, e.subList(from, e.size()));
        }
        return new Status(Availability.UNDEFINED, List.of());
    }

    private static int firstLogWord(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            if (LOG_LEVELS.contains(words.get(i))) {
                return i;
            }
        }
        return words.size();
    }

    /** {@code info: a warn: b c} into {@code info: a} and {@code warn: b c}. */
    private static List<String> logLines(List<String> words) {
        List<String> lines = new ArrayList<>();
        for (String w : words) {
            if (LOG_LEVELS.contains(w) || lines.isEmpty()) {
                lines.add(w);
            } else {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " " + w);
            }
        }
        return lines;
    }

    /** {@code idle, started} into its parts. */
    private static List<String> notices(List<String> words) {
        if (words.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(String.join(" ", words).split(",\\s*"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String group(String rid) {
        int hash = rid.indexOf('#');
        return hash < 0 ? rid : rid.substring(0, hash);
    }
}
