package org.slapdesk.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slapdesk.master.LocalMaster;
import org.slapdesk.testlab.SlaposVenv;

/**
 * {@code slapdesk master nodes|services --json} against {@code slapos computer list|service list}
 * on the same local master, each a whole process as a user runs it (start-up included): ours
 * through the {@code slapdesk} launcher, with the JVM options and class archive it gives them.
 */
final class ListingBenchmark {

    private static final int ROUNDS = 5;

    private final Path workDir;
    private final SlaposVenv venv;
    private final FleetFixture fleet;
    private final int services;
    private final Path launcher;

    /** {@code launcher}: the {@code slapdesk} script a user runs, at the repository's root. */
    ListingBenchmark(Path workDir, SlaposVenv venv, FleetFixture fleet, int services, Path launcher) {
        this.workDir = workDir;
        this.launcher = launcher;
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
            buildLauncher();
            Path config = workDir.resolve("slapos-client.cfg");
            Files.writeString(
                    config,
                    "[slapos]\nmaster_url = " + master.url() + "\nmaster_rest_url = " + master.hateoasUrl() + "\n");
            for (String[] listing : new String[][] {{"computer list", "nodes"}, {"service list", "services"}}) {
                List<String> python = new ArrayList<>(List.of(venv.slapos().toString()));
                python.addAll(List.of(listing[0].split(" ")));
                python.addAll(List.of("--cfg", config.toString()));
                List<String> ours = List.of(
                        launcher.toString(),
                        "master",
                        listing[1],
                        "--json",
                        "--master-url",
                        master.url().toString(),
                        "--rest-url",
                        master.hateoasUrl().toString());
                Timing[] theirs = time(python, report);
                Timing[] mine = time(ours, report);
                String work = "slapos " + listing[0] + " / slapdesk master " + listing[1] + " --json";
                report.line(work + ", wall", theirs[0].median(), mine[0].median());
                report.line(work + ", CPU", theirs[1].median(), mine[1].median());
            }
        }
    }

    /**
     * The launcher builds the program when its sources changed since its last build: that is done
     * here, untimed, with a build's time limit.
     */
    private void buildLauncher() throws IOException {
        wait(
                new ProcessBuilder(launcher.toString(), "--version")
                        .redirectErrorStream(true)
                        .redirectOutput(workDir.resolve("launcher-build.out").toFile())
                        .start(),
                30,
                "slapdesk --version");
    }

    /**
     * Wall-clock and CPU (user + system) seconds of the command, over the rounds. The first run,
     * untimed, warms the file cache and lets the launcher make its class archive.
     */
    private Timing[] time(List<String> command, Report report) throws IOException {
        long first = System.nanoTime();
        run(command);
        report.note(String.format(
                Locale.ROOT,
                "first run, untimed (slapdesk's makes its class archive if it has none): %.2f s",
                (System.nanoTime() - first) / 1e9));
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
        wait(process, 5, String.join(" ", command));
        if (process.exitValue() != 0) {
            throw new IOException("exit " + process.exitValue() + " from " + String.join(" ", command) + ": "
                    + Files.readString(workDir.resolve("listing.err"), StandardCharsets.UTF_8));
        }
        String[] userAndSystem =
                Files.readString(cpuFile, StandardCharsets.UTF_8).strip().split("\\s+");
        return Double.parseDouble(userAndSystem[0]) + Double.parseDouble(userAndSystem[1]);
    }

    private static void wait(Process process, int minutes, String what) throws IOException {
        try {
            if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + what);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
