package org.slapdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slapdesk.testlab.SlaposVenv;

/**
 * {@code ./benchmarks [marshal] [master] [load] [listing] [scale] [window] [history]}: Slapdesk against the Python SlapOS tools on the same work,
 * printed as ratios (python time / our time; above 1 means Slapdesk is faster). Needs the
 * slapos.core virtualenv ({@code testlab/bin/slapos-venv}).
 */
public final class Benchmarks {

    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        List<String> known = List.of("marshal", "master", "load", "listing", "scale", "window", "history");
        List<String> which = args.length == 0 ? known : List.of(args);
        for (String name : which) {
            if (!known.contains(name)) {
                System.err.println("bench: unknown benchmark '" + name + "' (known: " + String.join(", ", known) + ")");
                System.exit(2);
            }
        }
        Optional<SlaposVenv> venv = SlaposVenv.find();
        if (venv.isEmpty()) {
            System.err.println("bench: the slapos.core virtualenv is missing: run testlab/bin/slapos-venv"
                    + " (or set SLAPDESK_SLAPOS_VENV)");
            System.exit(2);
        }
        Path work = Files.createTempDirectory("slapdesk-bench");
        String started = ZonedDateTime.now(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        TeeStream printed = new TeeStream(System.out);
        System.setOut(printed.printStream());
        Report report = new Report(System.out);
        System.out.println("Slapdesk benchmarks: ratio = python time / slapdesk time (above 1: Slapdesk is faster)");
        System.out.println("java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores; python tools from "
                + venv.get().root());
        try {
            if (which.contains("marshal")) {
                report.heading("marshalled XML (SLAP wire format)", "xml_marshaller", "XmlMarshal");
                MarshalBenchmark marshal =
                        new MarshalBenchmark(work, new PythonScript(venv.get(), work, "marshal_work.py"));
                for (int partitions : new int[] {10, 1000, 10000}) {
                    marshal.run(report, partitions, partitions >= 10000 ? 3 : 7);
                }
            }
            if (which.contains("master")) {
                report.heading("SLAP master, driven by the same slapos.slap client", "slapproxy", "local master");
                new MasterBenchmark(work, new PythonScript(venv.get(), work, "master_work.py"))
                        .run(report, 100, 100, 50);
            }
            if (which.contains("load")) {
                new LoadBenchmark(work, new FleetFixture(100, 10), 100, 300, 300).run(System.out);
            }
            if (which.contains("listing")) {
                report.heading(
                        "listings, whole processes, 1,000 servers x 20 partitions and 500 services",
                        "slapos CLI",
                        "slapdesk");
                new ListingBenchmark(
                                work,
                                venv.get(),
                                new FleetFixture(1000, 20),
                                500,
                                Path.of("slapdesk").toAbsolutePath())
                        .run(report);
            }
            if (which.contains("scale")) {
                new FleetScaleBenchmark(work, new FleetFixture(10_000, 20)).run(System.out);
                new FleetScaleBenchmark(work, new FleetFixture(10_000, 20), Duration.ofMillis(50)).run(System.out);
            }
            if (which.contains("window")) {
                new WindowBenchmark(work, new FleetFixture(10_000, 20)).run(report);
            }
            if (which.contains("history")) {
                new HistoryBenchmark(work, 10_000, 20, 20_000, 0.005).run(System.out);
            }
        } finally {
            deleteTree(work);
        }
        writePerformanceDoc(started, String.join(" ", which), printed.copied());
    }

    /** The run's tables into docs/PERFORMANCE.md, when run from the repository (as ./benchmarks does). */
    private static void writePerformanceDoc(String started, String which, String printed) throws IOException {
        Path doc = Path.of("docs", "PERFORMANCE.md");
        if (!Files.isDirectory(doc.getParent())) {
            System.err.println("bench: no docs/ folder here: " + doc + " not written");
            return;
        }
        PerformanceDoc.write(
                doc, PerformanceDoc.section(started + " (UTC)", Machine.current(), "./benchmarks " + which, printed));
        System.err.println("bench: the tables of this run are in " + doc);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
