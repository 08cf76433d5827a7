package org.slapdesk.testlab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts isolated test hosts (see {@code testlab/bin/testhost}) and tears every one of them
 * down on {@link #close()}, on JVM exit, and, for hosts left by a killed run, at the next
 * {@code TestLab} start (hosts are owned by this JVM's pid; a dead owner means leftovers).
 *
 * <pre>{@code
 * try (TestLab lab = TestLab.open(); TestHost host = lab.startHost()) {
 *     // ssh root@host.address() port host.port() with host.clientKey(), host.knownHosts()
 * }
 * }</pre>
 */
public final class TestLab implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TestLab.class);
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);

    private final Path scriptDir;
    private final List<TestHost> hosts = new ArrayList<>();
    private final Thread shutdownHook;

    private TestLab(Path scriptDir) {
        this.scriptDir = scriptDir;
        this.shutdownHook = new Thread(this::stopAll, "testlab-teardown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Opens a lab after checking the machine can run test hosts (fails under CI, skips
     * elsewhere otherwise) and sweeping the leftovers of killed runs.
     */
    public static TestLab open() {
        TestRequirements.requireRootAndNamespaces();
        try {
            TestLab lab = new TestLab(extractScripts());
            lab.run(List.of("sweep"));
            return lab;
        } catch (IOException e) {
            throw new IllegalStateException("testlab: cannot prepare the testhost scripts: " + e.getMessage(), e);
        }
    }

    /** Starts one more test host: its own netns, overlay root and sshd (about 0.2 s). */
    public TestHost startHost() {
        return startHost(HostOptions.defaults());
    }

    /**
     * Starts one more test host made as {@code options} says; with {@link HostOptions#withSystemd()}
     * it returns once the host's systemd has finished booting (about 1 s).
     */
    public TestHost startHost(HostOptions options) {
        List<String> arguments = new ArrayList<>(List.of(
                "start", "--owner", Long.toString(ProcessHandle.current().pid())));
        if (options.systemd()) {
            arguments.add("--systemd");
        }
        ScriptResult started = run(arguments);
        if (started.exitCode() != 0) {
            throw new IllegalStateException("testlab: a test host did not start: " + started.stderr());
        }
        Map<String, String> values = parse(started.stdout());
        TestHost host = new TestHost(
                this,
                values.get("NAME"),
                values.get("ADDRESS"),
                values.get("ADDRESS4"),
                values.get("HOST_SIDE_ADDRESS"),
                values.get("HOST_SIDE_ADDRESS4"),
                Integer.parseInt(values.get("PORT")),
                values.get("USER"),
                Path.of(values.get("CLIENT_KEY")),
                Path.of(values.get("KNOWN_HOSTS")),
                values.get("HOST_PUBLIC_KEY"),
                options);
        synchronized (hosts) {
            hosts.add(host);
        }
        LOG.info(
                "testlab: started {} at [{}]:{}{}",
                host.name(),
                host.address(),
                host.port(),
                options.systemd() ? " (systemd)" : "");
        return host;
    }

    void stop(TestHost host) {
        synchronized (hosts) {
            if (!hosts.remove(host)) {
                return;
            }
        }
        ScriptResult stopped = run(List.of("stop", host.name()));
        if (stopped.exitCode() != 0) {
            LOG.warn("testlab: stopping {} said: {}", host.name(), stopped.stderr());
        }
    }

    ScriptResult run(List<String> arguments) {
        return runWithInput(arguments, null);
    }

    ScriptResult runWithInput(List<String> arguments, byte[] input) {
        List<String> command = new ArrayList<>();
        command.add(scriptDir.resolve("testhost").toString());
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).start();
            try (var stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input);
                }
            }
            var stdout = readAsync(process.getInputStream());
            var stderr = readAsync(process.getErrorStream());
            if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("testlab: testhost " + arguments + " took over " + SCRIPT_TIMEOUT);
            }
            return new ScriptResult(process.exitValue(), stdout.join(), stderr.join());
        } catch (IOException e) {
            throw new IllegalStateException("testlab: cannot run testhost: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("testlab: interrupted running testhost " + arguments, e);
        }
    }

    private static CompletableFuture<byte[]> readAsync(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return in.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
    }

    private void stopAll() {
        List<TestHost> remaining;
        synchronized (hosts) {
            remaining = new ArrayList<>(hosts);
        }
        remaining.forEach(this::stop);
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs or ran: nothing left to unregister
        }
    }

    private static Map<String, String> parse(String output) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                String value = line.substring(eq + 1);
                if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(line.substring(0, eq), value);
            }
        }
        return values;
    }

    /** The scripts ship in this jar (from testlab/bin); they run from a private temp folder. */
    private static Path extractScripts() throws IOException {
        Path dir = Files.createTempDirectory(
                "slapdesk-testlab-bin",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        for (String name : List.of("testhost", "testhost-root")) {
            try (InputStream in = TestLab.class.getResourceAsStream("bin/" + name)) {
                if (in == null) {
                    throw new IOException(
                            "resource org/slapdesk/testlab/bin/" + name + " missing from the testlab jar");
                }
                Path target = dir.resolve(name);
                Files.copy(in, target);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
            }
        }
        dir.toFile().deleteOnExit();
        dir.resolve("testhost").toFile().deleteOnExit();
        dir.resolve("testhost-root").toFile().deleteOnExit();
        return dir;
    }

    /** What a testhost invocation returned. */
    record ScriptResult(int exitCode, byte[] stdoutBytes, byte[] stderrBytes) {
        String stdout() {
            return new String(stdoutBytes, StandardCharsets.UTF_8);
        }

        String stderr() {
            return new String(stderrBytes, StandardCharsets.UTF_8);
        }
    }
}
