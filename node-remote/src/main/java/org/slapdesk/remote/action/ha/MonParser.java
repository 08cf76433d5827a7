package org.slapdesk.remote.action.ha;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slapdesk.remote.action.ha.ClusterStatus.DaemonThread;
import org.slapdesk.remote.action.ha.ClusterStatus.InstanceCell;
import org.slapdesk.remote.action.ha.ClusterStatus.NodeStats;
import org.slapdesk.remote.action.ha.ClusterStatus.ServiceSummary;

/**
 * Reads {@code om mon} (OpenSVC 2) into a {@link ClusterStatus}. The table as om prints it (a
 * row per line) goes to {@link MonTable}, which reads each node's cell at its column, so an
 * empty cell (a node outside a service's scope, a node not reporting yet) stays empty. The
 * same text flattened on one line, as seed 001 shows it, has no columns left: this class then
 * works on its words, which assumes every row fills the nodes' cells from the first node on:
 * <pre>
 * Threads                demo1 demo2
 *  daemon    running     |
 *  hb#1.rx   running [::]:10000 | / O
 * Nodes                  demo1 demo2
 *  score                 | 69    70
 *  load 15m              | 0.0   0.0
 * *&#47;svc/*                demo1 demo2
 *  slapos/svc/comp1 up ha 1/1 | O^ S
 * </pre>
 */
final class MonParser {

    private static final Set<String> SECTIONS = Set.of("Threads", "Nodes", "Arbitrators");
    /** First words of the Nodes section's rows ("load 15m" is two words). */
    private static final Set<String> NODE_LABELS =
            Set.of("score", "load", "mem", "swap", "state", "uptime", "version", "compat", "arbitrator");

    private static final Set<String> MONITOR_WORDS = Set.of(
            "starting",
            "stopping",
            "ready",
            "restarting",
            "provisioning",
            "unprovisioning",
            "purging",
            "deleting",
            "freezing",
            "thawing",
            "placing",
            "shutting",
            "failed",
            "idle",
            "wait-parents",
            "wait-children",
            "wait-sync",
            "wait-leader",
            "wait-non-leader",
            "start",
            "stop",
            "rolling");

    private final List<String> words;
    private int at;
    private List<String> nodes = List.of();

    private MonParser(String text) {
        this.words = Arrays.stream(text.strip().split("\\s+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    static ClusterStatus parse(String text) {
        String plain = text.replace("\r", "");
        return MonTable.read(plain).orElseGet(() -> new MonParser(plain).parse());
    }

    private ClusterStatus parse() {
        List<DaemonThread> threads = new ArrayList<>();
        List<NodeStats> stats = new ArrayList<>();
        List<ServiceSummary> services = new ArrayList<>();
        while (at < words.size()) {
            String word = words.get(at);
            if (word.equals("Threads")) {
                at++;
                nodes = headerNodes();
                while (at < words.size() && !isSectionStart(at)) {
                    threads.add(thread());
                }
            } else if (word.equals("Nodes")) {
                at++;
                nodes = headerNodes();
                stats.addAll(nodeRows());
            } else if (isServiceSelector(word)) {
                at++;
                nodes = headerNodes();
                while (at < words.size() && !isSectionStart(at)) {
                    services.add(service());
                }
            } else {
                at++; // an unknown section's row (e.g. Arbitrators)
            }
        }
        return new ClusterStatus(nodes, threads, stats, services);
    }

    private boolean isSectionStart(int i) {
        return i < words.size() && (SECTIONS.contains(words.get(i)) || isServiceSelector(words.get(i)));
    }

    /** {@code *&#47;svc/*}, {@code slapos/*&#47;*}: the selector heading the services section. */
    private static boolean isServiceSelector(String word) {
        return word.contains("*") && word.contains("/");
    }

    /**
     * The node names after a section title. The Threads section's first row is always the
     * daemon; in other sections the header ends where the first row's words start.
     */
    private List<String> headerNodes() {
        List<String> found = new ArrayList<>();
        while (at < words.size() && !isSectionStart(at) && !startsRow(at)) {
            found.add(words.get(at++));
        }
        return found.isEmpty() ? nodes : found;
    }

    /** A row starts at the daemon thread, a node metric label, or a service path. */
    private boolean startsRow(int i) {
        String w = words.get(i);
        return w.equals("daemon")
                || w.startsWith("hb#")
                || NODE_LABELS.contains(w)
                || (w.contains("/") && !w.contains("*"));
    }

    private DaemonThread thread() {
        String name = words.get(at++);
        String state = at < words.size() && !isSectionStart(at) ? words.get(at++) : "";
        String config = "";
        if (at < words.size()
                && !words.get(at).equals("|")
                && (words.get(at).contains(":") || words.get(at).startsWith("/"))) {
            config = words.get(at++);
        } else if (at + 1 < words.size()
                && words.get(at).matches("[0-9]+")
                && words.get(at + 1).startsWith("transition")) {
            config = words.get(at++) + " " + words.get(at++); // the monitor's "1 transition"
        }
        Map<String, String> cells = new LinkedHashMap<>();
        if (at < words.size() && words.get(at).equals("|")) {
            at++;
            for (String node : nodes) {
                if (at < words.size() && isIconCell(words.get(at))) {
                    cells.put(node, words.get(at++));
                } else {
                    break;
                }
            }
        }
        return new DaemonThread(name, state, config, cells);
    }

    private List<NodeStats> nodeRows() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        while (at < words.size() && !isSectionStart(at)) {
            StringBuilder label = new StringBuilder();
            while (at < words.size() && !words.get(at).equals("|") && !isSectionStart(at)) {
                label.append(label.length() == 0 ? "" : " ").append(words.get(at++));
            }
            if (at >= words.size() || isSectionStart(at)) {
                break;
            }
            at++; // the "|"
            List<String> values = new ArrayList<>();
            while (values.size() < nodes.size() && at < words.size() && !isSectionStart(at) && !nextRowLabel(at)) {
                values.add(words.get(at++));
            }
            rows.put(label.toString(), values);
        }
        return nodeStats(nodes, rows);
    }

    /** The Nodes section's rows (label: one value per node, in the nodes' order) as each node's stats. */
    static List<NodeStats> nodeStats(List<String> nodes, Map<String, List<String>> rows) {
        List<NodeStats> stats = new ArrayList<>();
        for (int n = 0; n < nodes.size(); n++) {
            Optional<Integer> score = value(rows, "score", n).flatMap(MonParser::integer);
            stats.add(new NodeStats(
                    nodes.get(n),
                    score,
                    value(rows, "load 15m", n).orElse(""),
                    value(rows, "mem", n).orElse(""),
                    value(rows, "swap", n).orElse(""),
                    value(rows, "state", n).orElse("")));
        }
        return stats;
    }

    /** True when the word at {@code i} starts the next row's label (a row may have fewer values than nodes). */
    private boolean nextRowLabel(int i) {
        return NODE_LABELS.contains(words.get(i))
                && words.subList(i + 1, Math.min(words.size(), i + 3)).contains("|");
    }

    private static Optional<String> value(Map<String, List<String>> rows, String label, int n) {
        List<String> values = rows.get(label);
        return values == null || n >= values.size() ? Optional.empty() : Optional.of(values.get(n));
    }

    private static Optional<Integer> integer(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private ServiceSummary service() {
        String path = words.get(at++);
        String status = at < words.size() ? words.get(at++) : "undef";
        List<String> info = new ArrayList<>();
        while (at < words.size() && !words.get(at).equals("|") && !isSectionStart(at) && info.size() < 2) {
            info.add(words.get(at++));
        }
        Map<String, InstanceCell> cells = new LinkedHashMap<>();
        if (at < words.size() && words.get(at).equals("|")) {
            at++;
            for (String node : nodes) {
                if (at >= words.size() || !isIconCell(words.get(at))) {
                    break;
                }
                String icon = words.get(at++);
                List<String> more = new ArrayList<>();
                while (at < words.size() && (words.get(at).startsWith(">") || MONITOR_WORDS.contains(words.get(at)))) {
                    more.add(words.get(at++));
                }
                cells.put(node, cell(icon, more));
            }
        }
        return service(path, status, info, cells);
    }

    /**
     * An instance cell's icons: the availability, then {@code ?} preserved, {@code !} warn,
     * {@code #} DRP, {@code ^} leader, {@code *} frozen, {@code P} not provisioned.
     */
    static boolean isIconCell(String word) {
        return word.matches("[OXSs/?][?!#^*P]*|[!#^*P]+");
    }

    /** {@code up!^}: the service's availability, {@code !} warn, {@code ^} non-optimal placement. */
    static ServiceSummary service(String path, String status, List<String> info, Map<String, InstanceCell> cells) {
        String bare = status.replace("!", "").replace("^", "");
        return new ServiceSummary(
                path,
                Availability.ofWord(bare).orElse(Availability.UNDEFINED),
                status.contains("!"),
                status.contains("^"),
                info.isEmpty() ? "" : info.get(0),
                info.size() > 1 ? info.get(1) : "",
                cells);
    }

    static InstanceCell cell(String icon, List<String> more) {
        Availability avail = icon.isEmpty()
                ? Availability.UNDEFINED
                : Availability.ofIcon(icon.charAt(0)).orElse(Availability.UNDEFINED);
        Optional<String> expect = more.stream()
                .filter(w -> w.startsWith(">"))
                .map(w -> w.substring(1))
                .findFirst();
        List<String> monitor = more.stream().filter(w -> !w.startsWith(">")).toList();
        return new InstanceCell(
                String.join(" ", icon, String.join(" ", more)).strip(),
                avail,
                icon.indexOf('!') > 0,
                icon.contains("^"),
                icon.contains("*"),
                icon.indexOf('P') > 0,
                monitor.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", monitor)),
                expect);
    }
}
