package org.slapdesk.remote.action.ha;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slapdesk.remote.action.ha.ClusterStatus.DaemonThread;
import org.slapdesk.remote.action.ha.ClusterStatus.InstanceCell;
import org.slapdesk.remote.action.ha.ClusterStatus.ServiceSummary;

/**
 * {@code om mon} as the agent prints it: one table for all sections, so every line has the
 * nodes' columns at the same place, where the section titles print the node names:
 * <pre>
 * Threads                                 sdt1        sdt2
 *  hb#1.rx          running  [::]:10000 | /           O
 *  listener         running       :1214
 * Nodes                                   sdt1        sdt2
 *  score                                | 63
 * *&#47;svc/*                                 sdt1        sdt2
 *  slapos/svc/comp1 up!     ha    1/1   | O!^         X!*P
 * </pre>
 * A row's cells start two characters after its {@code |}; a blank cell is a node with
 * nothing to show (no score yet, not in the service's scope). Text whose {@code |} are not
 * all in that column (re-spaced by hand) is not read as a table. Measured on the OpenSVC 2.1
 * agent (see the test fixtures' README).
 */
final class MonTable {

    private final List<String> nodes;
    private final int[] starts;

    private MonTable(List<String> nodes, int[] starts) {
        this.nodes = nodes;
        this.starts = starts;
    }

    /** Empty when the text is not such a table (e.g. the flattened one-line text of seed 001). */
    static Optional<ClusterStatus> read(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.size() < 2) {
            return Optional.empty();
        }
        Optional<MonTable> table = lines.stream()
                .filter(MonTable::isTitle)
                .map(MonTable::columns)
                .flatMap(Optional::stream)
                .findFirst();
        return table.filter(t -> t.aligned(lines)).map(t -> t.parse(lines));
    }

    /** Every row's {@code |} in the column before the nodes' cells, or the columns were lost (text re-spaced by hand). */
    private boolean aligned(List<String> lines) {
        int bar = starts[0] - 2;
        return lines.stream()
                .filter(l -> !isTitle(l) && l.indexOf('|') >= 0)
                .allMatch(l -> l.length() > bar && l.charAt(bar) == '|');
    }

    /** Section titles start at the margin; rows are indented. */
    private static boolean isTitle(String line) {
        return !line.startsWith(" ");
    }

    private static Optional<MonTable> columns(String title) {
        List<String> words = words(title);
        if (words.size() < 2) {
            return Optional.empty();
        }
        List<String> nodes = words.subList(1, words.size());
        int[] starts = new int[nodes.size()];
        int from = words.get(0).length();
        for (int n = 0; n < nodes.size(); n++) {
            starts[n] = title.indexOf(nodes.get(n), from);
            from = starts[n] + nodes.get(n).length();
        }
        return starts[0] < 2 ? Optional.empty() : Optional.of(new MonTable(List.copyOf(nodes), starts));
    }

    private ClusterStatus parse(List<String> lines) {
        List<DaemonThread> threads = new ArrayList<>();
        Map<String, List<String>> nodeRows = new LinkedHashMap<>();
        List<ServiceSummary> services = new ArrayList<>();
        String section = "";
        for (String line : lines) {
            if (isTitle(line)) {
                section = words(line).get(0);
                continue;
            }
            Row row = row(line);
            if (section.equals("Threads")) {
                threads.add(thread(row));
            } else if (section.equals("Nodes")) {
                nodeRows.put(String.join(" ", row.left()), row.cells());
            } else if (section.contains("/")
                    && section.contains("*")
                    && !row.left().isEmpty()) {
                services.add(service(row));
            }
            // other sections (Arbitrators) are not read
        }
        return new ClusterStatus(nodes, threads, MonParser.nodeStats(nodes, nodeRows), services);
    }

    /** A row's words left of the {@code |}, and each node's cell ("" when blank). */
    private record Row(List<String> left, List<String> cells) {}

    private Row row(String line) {
        int bar = starts[0] - 2;
        boolean hasCells = line.length() > bar && line.charAt(bar) == '|';
        List<String> left = words(hasCells ? line.substring(0, bar) : line);
        List<String> cells = new ArrayList<>();
        for (int n = 0; n < starts.length; n++) {
            int end = n + 1 < starts.length ? starts[n + 1] : line.length();
            cells.add(
                    hasCells && starts[n] < line.length()
                            ? line.substring(starts[n], Math.min(end, line.length()))
                                    .strip()
                            : "");
        }
        return new Row(left, cells);
    }

    /** {@code hb#1.rx running [::]:10000}, then a cell per node (empty cells left out). */
    private DaemonThread thread(Row row) {
        List<String> left = row.left();
        Map<String, String> perNode = new LinkedHashMap<>();
        for (int n = 0; n < nodes.size(); n++) {
            if (!row.cells().get(n).isEmpty()) {
                perNode.put(nodes.get(n), row.cells().get(n));
            }
        }
        return new DaemonThread(
                left.get(0),
                left.size() > 1 ? left.get(1) : "",
                left.size() > 2 ? String.join(" ", left.subList(2, left.size())) : "",
                perNode);
    }

    /** {@code slapos/svc/comp1 up! ha 1/1}, then per node e.g. {@code O^}, {@code X starting}, {@code S >started}. */
    private ServiceSummary service(Row row) {
        List<String> left = row.left();
        Map<String, InstanceCell> cells = new LinkedHashMap<>();
        for (int n = 0; n < nodes.size(); n++) {
            List<String> cell = words(row.cells().get(n));
            if (!cell.isEmpty()) {
                boolean icons = MonParser.isIconCell(cell.get(0));
                cells.put(
                        nodes.get(n),
                        icons
                                ? MonParser.cell(cell.get(0), cell.subList(1, cell.size()))
                                : MonParser.cell("", cell)); // a service made only of other services shows no icon
            }
        }
        return MonParser.service(
                left.get(0),
                left.size() > 1 ? left.get(1) : "undef",
                left.size() > 2 ? left.subList(2, left.size()) : List.of(),
                cells);
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.strip().split("\\s+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }
}
