package org.slapdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.slapdesk.master.LocalMaster;
import org.slapdesk.testlab.RealSlapproxy;

/**
 * The same SLAP workload, driven by the real slapos.slap library, against slapproxy (the Python
 * local master) and against our local master: format, supply, requests, node reads.
 */
final class MasterBenchmark {

    private static final String COMPUTER = "COMP-BENCH";
    private static final String WARM_UP_COMPUTER = "COMP-WARM-UP";
    private static final String[] PHASES = {"format", "supply", "request", "read"};

    private final Path workDir;
    private final PythonScript client;

    MasterBenchmark(Path workDir, PythonScript client) {
        this.workDir = workDir;
        this.client = client;
    }

    void run(Report report, int partitions, int requests, int reads) throws IOException {
        String[] counts = {Integer.toString(partitions), Integer.toString(requests), Integer.toString(reads)};
        JsonNode proxy;
        try (RealSlapproxy slapproxy = RealSlapproxy.start(workDir.resolve("slapproxy"))) {
            proxy = warmThenMeasure(slapproxy.url(), counts);
        }
        JsonNode ours;
        try (LocalMaster master = LocalMaster.start(
                workDir.resolve("local-master.sqlite"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            ours = warmThenMeasure(master.url().toString(), counts);
        }
        for (String phase : PHASES) {
            report.line(
                    describe(phase, partitions, requests, reads),
                    proxy.get(phase).asDouble(),
                    ours.get(phase).asDouble());
        }
        double proxyTotal = 0;
        double ourTotal = 0;
        for (String phase : PHASES) {
            proxyTotal += proxy.get(phase).asDouble();
            ourTotal += ours.get(phase).asDouble();
        }
        report.line("all of the above", proxyTotal, ourTotal);
        report.note("instances placed: slapproxy " + proxy.get("placed").asInt() + ", local master "
                + ours.get("placed").asInt() + " (of " + requests + ")");
        report.note("both sync every write to disk: the local master commits each request with SQLite"
                + " synchronous=FULL (WAL), slapproxy runs SQLite with synchronous=FULL in autocommit");
    }

    private static String describe(String phase, int partitions, int requests, int reads) {
        return switch (phase) {
            case "format" -> "format " + partitions + " partitions";
            case "supply" -> "supply 1 release";
            case "request" -> requests + " requests";
            case "read" -> reads + " node reads";
            default -> phase;
        };
    }

    /**
     * Both servers are long-running programs: each first serves the same workload for another
     * node (JIT, caches, first SQLite pages), so the measured run sees a warm server and a
     * database of the same size on both sides.
     */
    private JsonNode warmThenMeasure(String url, String[] counts) {
        client.run(Duration.ofMinutes(30), arguments(url, WARM_UP_COMPUTER, counts));
        return client.run(Duration.ofMinutes(30), arguments(url, COMPUTER, counts));
    }

    private static String[] arguments(String url, String computer, String[] counts) {
        String[] all = new String[counts.length + 2];
        all[0] = url;
        all[1] = computer;
        System.arraycopy(counts, 0, all, 2, counts.length);
        return all;
    }
}
