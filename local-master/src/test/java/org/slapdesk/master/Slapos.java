package org.slapdesk.master;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slapdesk.testlab.SlaposVenv;

/** Runs the real slapos CLI and the real slapos.slap library (through slap_node.py) from the venv. */
final class Slapos {

    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private final SlaposVenv venv;
    private final Path work;
    private final Path clientConfig;
    private final Path nodeScript;
    private final URI master;
    private final ObjectMapper json = new ObjectMapper();

    private final Map<String, String> nodeEnvironment = new HashMap<>();

    Slapos(SlaposVenv venv, Path work, URI master) throws IOException {
        this(venv, work, master, null, null, null, null);
    }

    /** With TLS: the user's certificate in slapos-client.cfg, the node's for slap_node.py. */
    Slapos(SlaposVenv venv, Path work, URI master, Path userCert, Path userKey, Path nodeCert, Path nodeKey)
            throws IOException {
        this.venv = venv;
        this.work = work;
        this.master = master;
        this.clientConfig = work.resolve("slapos-client.cfg");
        String tls = userCert == null ? "" : "cert_file = " + userCert + "\nkey_file = " + userKey + "\n";
        Files.writeString(
                clientConfig,
                "[slapos]\nmaster_url = " + master + "\nmaster_rest_url = " + master.resolve("hateoas/") + "\n" + tls);
        if (nodeCert != null) {
            nodeEnvironment.put("SLAP_CERT_FILE", nodeCert.toString());
            nodeEnvironment.put("SLAP_KEY_FILE", nodeKey.toString());
        }
        this.nodeScript = work.resolve("slap_node.py");
        try (InputStream in = Slapos.class.getResourceAsStream("slap_node.py")) {
            Files.write(nodeScript, in.readAllBytes());
        }
    }

    Path clientConfig() {
        return clientConfig;
    }

    /** {@code slapos <args> --cfg slapos-client.cfg}. */
    Result cli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(venv.slapos().toString());
        command.addAll(List.of(args));
        command.add("--cfg");
        command.add(clientConfig.toString());
        return run(command);
    }

    /** slap_node.py: the node side through slapos.slap; its stdout is one JSON document. */
    JsonNode node(String... args) throws IOException, InterruptedException {
        Result r = nodeRaw(args);
        if (r.exit() != 0) {
            throw new AssertionError(
                    "slap_node.py " + String.join(" ", args) + " exited " + r.exit() + ":\n" + r.all());
        }
        return json.readTree(r.out());
    }

    Result nodeRaw(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(venv.python().toString());
        command.add(nodeScript.toString());
        command.add(master.toString());
        command.addAll(List.of(args));
        return run(command, nodeEnvironment);
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        return run(command, Map.of());
    }

    static Result run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(environment);
        pb.environment().remove("SLAPOS_CLIENT_CONFIGURATION");
        pb.environment().put("HOME", System.getProperty("java.io.tmpdir"));
        Process p = pb.start();
        p.getOutputStream().close();
        var out = readAsync(p.getInputStream());
        var err = readAsync(p.getErrorStream());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Result(p.exitValue(), out.join(), err.join());
    }

    private static CompletableFuture<String> readAsync(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
