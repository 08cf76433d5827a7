package org.slapdesk.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.slapdesk.core.wire.MarshalException;
import org.slapdesk.core.wire.SlapObject;
import org.slapdesk.core.wire.XmlMarshal;
import org.slapdesk.master.LocalMaster;
import org.slapdesk.testlab.RealSlapproxy;

/**
 * slapproxy and the local master under 1, 8 and 32 concurrent clients (requests, node reads,
 * reports), each filled with the same fleet through its API and driven by the same Java load
 * client (kept-alive connections). Every figure is the median of a few rounds, with their range.
 */
final class LoadBenchmark {

    private static final int[] CLIENTS = {1, 8, 32};
    private static final int ROUNDS = 3;
    private static final List<String> WORKLOADS = List.of("requests", "node reads", "reports");

    private final Path workDir;
    private final FleetFixture fleet;
    private final Map<String, Integer> callsPerRound;

    LoadBenchmark(Path workDir, FleetFixture fleet, int requests, int reads, int reports) {
        this.workDir = workDir;
        this.fleet = fleet;
        this.callsPerRound = Map.of("requests", requests, "node reads", reads, "reports", reports);
        int placements = requests * ROUNDS * CLIENTS.length;
        if (placements > fleet.nodes() * (fleet.partitions() - 1)) {
            throw new IllegalArgumentException("the fleet is too small for " + placements + " requests");
        }
    }

    /** Results of one server: by workload, then by client count, the rounds. */
    private record Measured(Map<String, Map<Integer, List<LoadResult>>> results, int placed, int answered) {}

    void run(PrintStream out) throws IOException {
        Measured proxy;
        try (RealSlapproxy slapproxy = RealSlapproxy.start(workDir.resolve("load-slapproxy"))) {
            proxy = measure(new SlapCalls(slapproxy.url()));
        }
        Measured ours;
        try (LocalMaster master = LocalMaster.start(
                workDir.resolve("load-master.sqlite"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            ours = measure(new SlapCalls(master.url().toString()));
        }
        print(out, proxy, ours);
    }

    private Measured measure(SlapCalls master) throws IOException {
        fleet.fill(master);
        LoadClient client = new LoadClient();
        Map<String, Map<Integer, List<LoadResult>>> results = new LinkedHashMap<>();
        int requested = 0;
        int answered = 0;
        for (String workload : WORKLOADS) {
            Map<Integer, List<LoadResult>> byClients = new LinkedHashMap<>();
            for (int clients : CLIENTS) {
                List<LoadResult> rounds = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    int first = requested;
                    int calls = callsPerRound.get(workload);
                    LoadResult result = client.run(clients, calls, call(master, workload, first));
                    if (workload.equals("requests")) {
                        requested += calls;
                        answered += calls - result.errors();
                    }
                    rounds.add(result);
                }
                byClients.put(clients, rounds);
            }
            results.put(workload, byClients);
        }
        return new Measured(results, placedInstances(master), answered);
    }

    /** The {@code i}-th call of a workload: requests spread over the fleet, reports on busy partitions. */
    private IntFunction<HttpRequest> call(SlapCalls master, String workload, int firstRequest) {
        int nodes = fleet.nodes();
        return switch (workload) {
            case "requests" ->
                i -> master.request("service-" + (firstRequest + i), SlapCalls.node((firstRequest + i) % nodes));
            case "node reads" -> i -> master.readNode(SlapCalls.node(i % nodes));
            case "reports" -> i -> master.reportStarted(SlapCalls.node(i % nodes), "slappart" + (i / nodes % 3));
            default -> throw new IllegalArgumentException(workload);
        };
    }

    /** Partitions holding an instance, over the whole fleet, as the nodes read them. */
    private int placedInstances(SlapCalls master) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        int placed = 0;
        for (int n = 0; n < fleet.nodes(); n++) {
            try {
                HttpResponse<String> answer =
                        http.send(master.readNode(SlapCalls.node(n)), HttpResponse.BodyHandlers.ofString());
                SlapObject computer = (SlapObject) XmlMarshal.loads(answer.body());
                for (Object p : (List<?>) computer.stateMap().get("_computer_partition_list")) {
                    if (((SlapObject) p).stateMap().get("_software_release_document") != null) {
                        placed++;
                    }
                }
            } catch (MarshalException e) {
                throw new IOException("node " + n + " answered what is not marshalled XML: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        return placed;
    }

    private void print(PrintStream out, Measured proxy, Measured ours) {
        out.println();
        out.printf(
                Locale.ROOT,
                "== concurrent load: %d servers x %d partitions, filled through the API; median of %d rounds [min-max]%n",
                fleet.nodes(),
                fleet.partitions(),
                ROUNDS);
        out.printf(
                Locale.ROOT,
                "%-11s %7s | %-26s %-17s %4s | %-26s %-17s %4s | %s%n",
                "work",
                "clients",
                "slapproxy calls/s",
                "p50 / p99",
                "err",
                "local master calls/s",
                "p50 / p99",
                "err",
                "ratio");
        for (String workload : WORKLOADS) {
            for (int clients : CLIENTS) {
                List<LoadResult> theirs = proxy.results().get(workload).get(clients);
                List<LoadResult> mine = ours.results().get(workload).get(clients);
                LoadResult theirMedian = median(theirs);
                LoadResult myMedian = median(mine);
                out.printf(
                        Locale.ROOT,
                        "%-11s %7d | %-26s %-17s %4d | %-26s %-17s %4d | %6.1fx [%.1f-%.1f]%n",
                        workload,
                        clients,
                        rate(theirs),
                        latency(theirMedian),
                        errors(theirs),
                        rate(mine),
                        latency(myMedian),
                        errors(mine),
                        myMedian.perSecond() / theirMedian.perSecond(),
                        min(mine) / max(theirs),
                        max(mine) / min(theirs));
            }
        }
        out.printf(
                Locale.ROOT,
                "   instances placed / requests answered: slapproxy %d / %d, local master %d / %d"
                        + " (a difference is a lost or duplicated instance)%n",
                proxy.placed(),
                proxy.answered(),
                ours.placed(),
                ours.answered());
        out.println("   ratio = local master calls/s / slapproxy calls/s (medians); [worst-best] over the rounds");
    }

    private static LoadResult median(List<LoadResult> rounds) {
        List<LoadResult> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparingDouble(LoadResult::perSecond));
        return sorted.get(sorted.size() / 2);
    }

    private static double min(List<LoadResult> rounds) {
        return rounds.stream().mapToDouble(LoadResult::perSecond).min().orElse(0);
    }

    private static double max(List<LoadResult> rounds) {
        return rounds.stream().mapToDouble(LoadResult::perSecond).max().orElse(0);
    }

    private static int errors(List<LoadResult> rounds) {
        return rounds.stream().mapToInt(LoadResult::errors).sum();
    }

    private static String rate(List<LoadResult> rounds) {
        return String.format(Locale.ROOT, "%.0f [%.0f-%.0f]", median(rounds).perSecond(), min(rounds), max(rounds));
    }

    private static String latency(LoadResult result) {
        return Report.human(result.p50()) + " / " + Report.human(result.p99());
    }
}
