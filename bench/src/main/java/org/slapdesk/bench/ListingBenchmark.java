package org.slapdesk.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slapdesk.master.LocalMaster;
import org.slapdesk.testlab.SlaposVenv;

/**
 * {@code slapdesk master nodes|services --json} against {@code slapos computer list|service list}
 * on the same local master, each a whole process as a user runs it (start-up included).
 */
final class ListingBenchmark {

    private static final int ROUNDS = 5;

    private final Path workDir;
    private final SlaposVenv venv;
    private final FleetFixture fleet;
    private final int services;

    ListingBenchmark(Path workDir, SlaposVenv venv, FleetFixture fleet, int services) {
        this.workDir = workDir;
        this.venv = venv;
        this.fleet = fleet;
        this.services = services;
    }

    void run(Report report) throws IOException {
        try (LocalMaster master = LocalMaster.start(
                workDir.resolve("listing-master.sqlite"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            long started = System.nanoTime();
            fleet.fill(new SlapCalls(master.url().toString()));
            fleet.request(new SlapCalls(master.url().toString()), services);
            report.note(String.format(
                    "filled through the API in %.1f s: %d servers x %d partitions, %d services",
                    (System.nanoTime() - started) / 1e9, fleet.nodes(), fleet.partitions(), services));
            Path config = workDir.resolve("slapos-client.cfg");
            Files.writeString(
                    config,
                    "[slapos]\nmaster_url = " + master.url() + "\nmaster_rest_url = " + master.hateoasUrl() + "\n");
            for (String[] listing : new String[][] {{"computer list", "nodes"}, {"service list", "services"}}) {
                List<String> python = new ArrayList<>(List.of(venv.slapos().toString()));
                python.addAll(List.of(listing[0].split(" ")));
                python.addAll(List.of("--cfg", config.toString()));
                List<String> ours = List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.slapdesk.cli.SlapdeskCommand",
                        "master",
                        listing[1],
                        "--json",
                        "--master-url",
                        master.url().toString(),
                        "--rest-url",
                        master.hateoasUrl().toString());
                Timing[] theirs = time(python);
                Timing[] mine = time(ours);
                String work = "slapos " + listing[0] + " / slapdesk master " + listing[1] + " --json";
                report.line(work + ", wall", theirs[0].median(), mine[0].median());
                report.line(work + ", CPU", theirs[1].median(), mine[1].median());
            }
        }
    }

    /** Wall-clock and CPU (user + system) seconds of the command, over the rounds. */
    private Timing[] time(List<String> command) throws IOException {
        run(command); // warm the file cache
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            cpu.add(run(command));
            wall.add((System.nanoTime() - start) / 1e9);
        }
        return new Timing[] {new Timing(wall), new Timing(cpu)};
    }

    /**
     * Runs the command under {@code /usr/bin/time} and gives the CPU seconds it used: on a shared
     * machine the wall clock mostly measures the other users.
     */
    private double run(List<String> command) throws IOException {
        Path cpuFile = workDir.resolve("listing.cpu");
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S", "-o", cpuFile.toString()));
        timed.addAll(command);
        Path out = workDir.resolve("listing.out");
        ProcessBuilder builder = new ProcessBuilder(timed)
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(
                        workDir.resolve("listing.err").toFile()));
        builder.environment().put("HOME", workDir.resolve("home").toString());
        Files.createDirectories(workDir.resolve("home"));
        Process process = builder.start();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("exit " + process.exitValue() + " from " + String.join(" ", command) + ": "
                    + Files.readString(workDir.resolve("listing.err"), StandardCharsets.UTF_8));
        }
        String[] userAndSystem =
                Files.readString(cpuFile, StandardCharsets.UTF_8).strip().split("\\s+");
        return Double.parseDouble(userAndSystem[0]) + Double.parseDouble(userAndSystem[1]);
    }
}
