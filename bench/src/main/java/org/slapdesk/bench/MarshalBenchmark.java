package org.slapdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slapdesk.core.wire.MarshalException;
import org.slapdesk.core.wire.XmlMarshal;

/**
 * Marshalled XML, the SLAP wire format: read a node's worth of partitions and write it back,
 * with our {@link XmlMarshal} and with Python's xml_marshaller (what slapos.slap and slapproxy use).
 */
final class MarshalBenchmark {

    /** Long enough for the JIT to compile the codec's hot paths on a shared two-core machine. */
    private static final Duration WARM_UP = Duration.ofSeconds(3);

    private final Path workDir;
    private final PythonScript python;

    MarshalBenchmark(Path workDir, PythonScript python) {
        this.workDir = workDir;
        this.python = python;
    }

    void run(Report report, int partitions, int rounds) throws IOException {
        byte[] xml = XmlMarshal.dumps(document(partitions)).getBytes(StandardCharsets.UTF_8);
        Path file = workDir.resolve("marshal-" + partitions + ".xml");
        Files.write(file, xml);
        int ops = Math.max(2, 2000 / partitions);

        Timing[] mine = Timing.measureWallAndCpu(rounds, ops, WARM_UP, () -> roundTrip(xml));
        Timing ours = mine[0];
        JsonNode theirs =
                python.run(Duration.ofMinutes(10), file.toString(), Integer.toString(rounds), Integer.toString(ops));
        Timing pythonTiming = rounds(theirs, "seconds_per_op");

        String work = "loads+dumps, " + partitions + " partitions (" + xml.length / 1024 + " KiB)";
        report.line(work, pythonTiming.median(), ours.median());
        report.line(work + ", CPU", rounds(theirs, "cpu_seconds_per_op").median(), mine[1].median());
        if (!theirs.get("identical").asBoolean()) {
            report.note("warning: Python's dumps(loads(x)) differs from x: the two sides did not do the same work");
        }
        if (!roundTripIsIdentical(xml)) {
            report.note("warning: our dumps(loads(x)) differs from x");
        }
        report.note(String.format(
                Locale.ROOT,
                "spread of rounds: python %.0f%%, slapdesk %.0f%%",
                pythonTiming.spreadPercent(),
                ours.spreadPercent()));
    }

    private static Timing rounds(JsonNode python, String field) {
        List<Double> values = new ArrayList<>();
        python.get(field).forEach(n -> values.add(n.asDouble()));
        return new Timing(values);
    }

    private static void roundTrip(byte[] xml) {
        try {
            XmlMarshal.dumps(XmlMarshal.loads(xml));
        } catch (MarshalException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean roundTripIsIdentical(byte[] xml) {
        try {
            return XmlMarshal.dumps(XmlMarshal.loads(xml)).equals(new String(xml, StandardCharsets.UTF_8));
        } catch (MarshalException e) {
            return false;
        }
    }

    /** A node as getFullComputerInformation describes it: partitions with addresses and parameters. */
    static Map<String, Object> document(int partitions) {
        List<Object> partitionList = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("instance_title", "service " + i + " <main> & \"friends\"");
            parameters.put("slap_software_type", "default");
            parameters.put("timestamp", Long.toString(1_700_000_000L + i));
            parameters.put(
                    "ip_list",
                    List.of(
                            List.of("slaptap" + i, "10.0.0." + (i % 250 + 2)),
                            List.of("slaptap" + i, "fd00:be::" + Integer.toHexString(i + 2))));
            Map<String, Object> instance = new LinkedHashMap<>();
            for (int k = 0; k < 12; k++) {
                instance.put("parameter-" + k, "value " + k + " for partition " + i);
            }
            instance.put("port", (long) (8000 + i));
            instance.put("ratio", 0.25 * i);
            instance.put("enabled", i % 2 == 0);
            instance.put("unset", null);
            parameters.put("instance_parameters", instance);
            Map<String, Object> partition = new LinkedHashMap<>();
            partition.put("reference", "slappart" + i);
            partition.put("requested_state", i % 3 == 0 ? "stopped" : "started");
            partition.put("parameter_dict", parameters);
            partitionList.add(partition);
        }
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("reference", "COMP-BENCH");
        node.put("software_release_list", List.of("https://lab.example.org/bench/software.cfg"));
        node.put("partition_list", partitionList);
        return node;
    }
}
