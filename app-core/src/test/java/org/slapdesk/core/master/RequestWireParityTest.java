package org.slapdesk.core.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.model.InstanceRequest;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.testlab.Commands;
import org.slapdesk.testlab.ProcessResult;
import org.slapdesk.testlab.SlaposVenv;

/**
 * The real {@code slapos request} and {@link SlapMaster#request} send the same form to a master
 * that answers 408: the same fields, byte for byte, and both give up with "not ready" (the CLI
 * exits 2, Java throws NotReady).
 */
class RequestWireParityTest {

    @TempDir
    Path dir;

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }

    private Map<String, String> capture(CannedServer server) {
        return server.received().stream()
                .filter(r -> r.path().equals("/requestComputerPartition"))
                .map(r -> form(r.body()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void plainAndJsonInXmlRequestsAreTheSameOnTheWire() throws Exception {
        SlaposVenv venv = SlaposVenv.require();
        String release = dir.resolve("software.cfg").toString();
        for (boolean jsonInXml : List.of(false, true)) {
            Map<String, String> fromPython;
            Map<String, String> fromJava;
            try (CannedServer server = new CannedServer()) {
                server.on("/requestComputerPartition", 408, "text/html", "Resource not ready");
                Path cfg =
                        Files.writeString(dir.resolve("client.cfg"), "[slapos]\nmaster_url = " + server.url() + "\n");
                List<String> command = new ArrayList<>(List.of(
                        venv.slapos().toString(),
                        "request",
                        "parity",
                        release,
                        "--type",
                        "frontend",
                        "--node",
                        "computer_guid=COMP-9",
                        "--state",
                        "stopped"));
                if (jsonInXml) {
                    // the slapos client applies --force-serialisation to a parameters file only
                    Path file = Files.writeString(
                            dir.resolve("parameters.json"),
                            "{\"a\": \"x & <y>\", \"b\": \"caf\u00e9\", \"n\": 3, \"nested\": {\"k\": [true, null, 1.5]}}",
                            StandardCharsets.UTF_8);
                    command.addAll(
                            List.of("--parameters-file", file.toString(), "--force-serialisation", "json-in-xml"));
                } else {
                    command.addAll(List.of("--parameters", "a=x & <y>", "b=caf\u00e9"));
                }
                ProcessResult python = Commands.run(
                        Duration.ofSeconds(120), Map.of("SLAPOS_CLIENT_CONFIGURATION", cfg.toString()), command);
                assertThat(python.exitCode()).as(python.describe()).isEqualTo(2);
                fromPython = capture(server);
            }
            try (CannedServer server = new CannedServer();
                    SlapMaster master =
                            SlapMaster.open(MasterProfile.plain("parity", server.url()), ClientOptions.defaults())) {
                server.on("/requestComputerPartition", 408, "text/html", "Resource not ready");
                Map<String, Object> parameters = new LinkedHashMap<>();
                parameters.put("a", "x & <y>");
                parameters.put("b", "caf\u00e9");
                if (jsonInXml) {
                    parameters.put("n", 3);
                    Map<String, Object> nested = new LinkedHashMap<>();
                    nested.put("k", Arrays.asList(true, null, 1.5));
                    parameters.put("nested", nested);
                }
                InstanceRequest request = new InstanceRequest(
                        "parity",
                        release,
                        "frontend",
                        parameters,
                        jsonInXml,
                        Map.of("computer_guid", "COMP-9"),
                        false,
                        RequestedState.STOPPED);
                try {
                    master.request(request);
                    throw new AssertionError("a 408 must be NotReady");
                } catch (MasterException.NotReady expected) {
                    assertThat(expected.getMessage()).contains("not ready");
                }
                fromJava = capture(server);
            }
            assertThat(fromJava).as(jsonInXml ? "json-in-xml" : "xml").isEqualTo(fromPython);
        }
    }

    @Test
    void supplyAndRemoveAreTheSameOnTheWire() throws Exception {
        SlaposVenv venv = SlaposVenv.require();
        String release = dir.resolve("sr & co.cfg").toString();
        for (String verb : List.of("supply", "remove")) {
            Map<String, String> fromPython;
            try (CannedServer server = new CannedServer()) {
                server.on("/supplySupply", 200, "text/html", "Supplied");
                Path cfg =
                        Files.writeString(dir.resolve("client.cfg"), "[slapos]\nmaster_url = " + server.url() + "\n");
                ProcessResult python = Commands.run(
                        Duration.ofSeconds(120),
                        Map.of("SLAPOS_CLIENT_CONFIGURATION", cfg.toString()),
                        List.of(venv.slapos().toString(), verb, release, "COMP-9"));
                assertThat(python.exitCode()).as(python.describe()).isZero();
                fromPython = server.received().stream()
                        .filter(r -> r.path().equals("/supplySupply"))
                        .map(r -> form(r.body()))
                        .findFirst()
                        .orElseThrow();
            }
            try (CannedServer server = new CannedServer();
                    SlapMaster master =
                            SlapMaster.open(MasterProfile.plain("parity", server.url()), ClientOptions.defaults())) {
                server.on("/supplySupply", 200, "text/html", "Supplied");
                if (verb.equals("supply")) {
                    master.supply(release, "COMP-9");
                } else {
                    master.remove(release, "COMP-9");
                }
                Map<String, String> fromJava = server.received().stream()
                        .filter(r -> r.path().equals("/supplySupply"))
                        .map(r -> form(r.body()))
                        .findFirst()
                        .orElseThrow();
                assertThat(fromJava).as(verb).isEqualTo(fromPython);
            }
        }
    }
}
