package org.slapdesk.testlab;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real {@code slapos proxy} (slapproxy, from the slapos.core virtualenv) for tests: a free
 * port, its sqlite file in a folder of the test's, {@code master_rest_url = <proxy>/hateoas},
 * and the real {@code slapos} client pointed at it. Close it to stop it.
 *
 * <pre>
 * try (RealSlapproxy proxy = RealSlapproxy.start(tempDir)) {
 *     proxy.url();                                      // http://127.0.0.1:PORT
 *     proxy.slapos("service", "list");                  // the real CLI, with its own slapos-client.cfg
 *     proxy.show("--computers");                        // slapos proxy show
 * }
 * </pre>
 */
public final class RealSlapproxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RealSlapproxy.class);
    public static final String DEFAULT_COMPUTER = "local_computer";

    private final SlaposVenv venv;
    private final Path folder;
    private final String host;
    private final int port;
    private final Path proxyConfig;
    private final Path clientConfig;
    private final Process process;

    private RealSlapproxy(
            SlaposVenv venv, Path folder, String host, int port, Path proxyConfig, Path clientConfig, Process process) {
        this.venv = venv;
        this.folder = folder;
        this.host = host;
        this.port = port;
        this.proxyConfig = proxyConfig;
        this.clientConfig = clientConfig;
        this.process = process;
    }

    /** Starts a proxy on 127.0.0.1; fails (CI) or skips the test when there is no venv. */
    public static RealSlapproxy start(Path folder) {
        return start(folder, "127.0.0.1", "");
    }

    /**
     * Starts a proxy listening on {@code host} (e.g. the host side of a test host's veth pair),
     * with extra lines appended to its {@code [slapproxy]} section (e.g. software_product_list).
     */
    public static RealSlapproxy start(Path folder, String host, String extraProxyLines) {
        SlaposVenv venv = SlaposVenv.require();
        try {
            Files.createDirectories(folder);
            int port = freePort(host);
            String base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
            Path proxyConfig = folder.resolve("slapos-proxy.cfg");
            Files.writeString(
                    proxyConfig,
                    String.join(
                            "\n",
                            "[slapos]",
                            "master_url = " + base,
                            "computer_id = " + DEFAULT_COMPUTER,
                            "",
                            "[slapproxy]",
                            "host = " + host,
                            "port = " + port,
                            "database_uri = " + folder.resolve("proxy.db"),
                            extraProxyLines,
                            ""));
            Path clientConfig = folder.resolve("slapos-client.cfg");
            Files.writeString(
                    clientConfig,
                    String.join(
                            "\n",
                            "[slapos]",
                            "master_url = " + base,
                            "master_rest_url = " + base + "/hateoas",
                            "",
                            "[slapconsole]",
                            ""));
            Path log = folder.resolve("slapproxy.log");
            Process process = new ProcessBuilder(
                            venv.slapos().toString(),
                            "proxy",
                            "start",
                            "--cfg",
                            proxyConfig.toString(),
                            "--log-file",
                            log.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            folder.resolve("slapproxy.out").toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            RealSlapproxy proxy = new RealSlapproxy(venv, folder, host, port, proxyConfig, clientConfig, process);
            proxy.awaitReady(Duration.ofSeconds(60));
            LOG.info("slapproxy ready at {}", base);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start slapproxy in " + folder, e);
        }
    }

    private static int freePort(String host) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady(Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                close();
                throw new IllegalStateException("slapproxy exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                HttpURLConnection connection = (HttpURLConnection)
                        URI.create(url() + "/hateoas").toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2000);
                connection.setInstanceFollowRedirects(false);
                int code = connection.getResponseCode();
                connection.disconnect();
                if (code > 0) {
                    return;
                }
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        close();
        throw new IllegalStateException("slapproxy did not answer within " + limit + ":\n" + output());
    }

    /** The master URL, e.g. {@code http://127.0.0.1:40123}. */
    public String url() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The HATEOAS base URL the real client is configured with. */
    public String restUrl() {
        return url() + "/hateoas";
    }

    public int port() {
        return port;
    }

    public Path folder() {
        return folder;
    }

    public Path database() {
        return folder.resolve("proxy.db");
    }

    /** The slapos-client.cfg pointing the real client at this proxy. */
    public Path clientConfig() {
        return clientConfig;
    }

    public Path proxyConfig() {
        return proxyConfig;
    }

    public SlaposVenv venv() {
        return venv;
    }

    /** Runs the real {@code slapos} client command against this proxy. */
    public ProcessResult slapos(String... args) {
        List<String> command = new ArrayList<>();
        command.add(venv.slapos().toString());
        command.addAll(List.of(args));
        return Commands.run(
                Duration.ofSeconds(120), Map.of("SLAPOS_CLIENT_CONFIGURATION", clientConfig.toString()), command);
    }

    /** {@code slapos proxy show} with the given flags (e.g. {@code --computers}). */
    public ProcessResult show(String... flags) {
        List<String> command =
                new ArrayList<>(List.of(venv.slapos().toString(), "proxy", "show", "--cfg", proxyConfig.toString()));
        command.addAll(List.of(flags));
        return Commands.run(Duration.ofSeconds(60), Map.of(), command);
    }

    /** Runs a Python script with the venv's interpreter (e.g. to act as a node with slapos.slap). */
    public ProcessResult python(String script, String... args) {
        List<String> command = new ArrayList<>(List.of(venv.python().toString(), "-c", script));
        command.addAll(List.of(args));
        return Commands.run(
                Duration.ofSeconds(120), Map.of("SLAPOS_CLIENT_CONFIGURATION", clientConfig.toString()), command);
    }

    /** What the proxy printed so far, for failure messages. */
    public String output() {
        try {
            Path out = folder.resolve("slapproxy.out");
            Path log = folder.resolve("slapproxy.log");
            return (Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "")
                    + (Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "");
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for slapproxy", e);
        }
    }
}
