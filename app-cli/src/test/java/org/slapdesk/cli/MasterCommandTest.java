package org.slapdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.master.ClientOptions;
import org.slapdesk.core.master.MasterException;
import org.slapdesk.core.master.MasterHttp;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.SlapEndpoint;
import org.slapdesk.core.store.AppStore;
import org.slapdesk.testlab.ProcessResult;
import org.slapdesk.testlab.RealSlapproxy;

/**
 * {@code slapdesk master ...} run in-process against a real slapproxy; what it did is checked
 * with the real {@code slapos} client and {@code slapos proxy show}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MasterCommandTest {

    private final ObjectMapper json = new ObjectMapper();
    private RealSlapproxy proxy;
    private String release;
    private Path folder;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        folder = dir;
        proxy = RealSlapproxy.start(dir.resolve("proxy"));
        release = dir.resolve("software/software.cfg").toString();
        format(node("COMP-CLI", 10));
    }

    @AfterAll
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
    }

    /** Posts a node's format to the proxy, as {@code slapos node format} does. */
    private void format(Map<String, Object> computer) throws MasterException {
        try (MasterHttp http = MasterHttp.open(MasterProfile.plain("setup", proxy.url()), ClientOptions.defaults())) {
            new SlapEndpoint(http, URI.create(proxy.url())).loadComputerConfigurationFromXml(computer);
        }
    }

    private static Map<String, Object> node(String reference, int partitions) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            list.add(Map.of(
                    "reference",
                    "slappart" + i,
                    "tap",
                    Map.of("name", "slaptap" + i),
                    "address_list",
                    List.of(Map.of("addr", "10.0.0." + (i + 2), "netmask", "255.255.255.0"))));
        }
        Map<String, Object> computer = new LinkedHashMap<>();
        computer.put("reference", reference);
        computer.put("address", "10.0.0.1");
        computer.put("netmask", "255.255.255.0");
        computer.put("partition_list", list);
        return computer;
    }

    private CliRun slapdesk(String... args) {
        return CliRun.of(args);
    }

    /** A master sub-command against the proxy, through its slapos-client.cfg as the slapos client would. */
    private CliRun master(String... args) {
        List<String> all = new ArrayList<>(List.of("master"));
        all.add(args[0]);
        all.addAll(List.of("--cfg", proxy.clientConfig().toString()));
        all.addAll(List.of(args).subList(1, args.length));
        return slapdesk(all.toArray(String[]::new));
    }

    private static void assertOk(CliRun run) {
        assertThat(run.exit()).as(run.err() + run.out()).isZero();
        assertThat(run.err()).isEmpty();
    }

    private static void assertOneLineFailure(CliRun run, int code, String reason) {
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(code);
        assertThat(run.err().strip())
                .startsWith("slapdesk: ")
                .contains(reason)
                .doesNotContain("\n")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    private JsonNode cliJson(String... args) throws Exception {
        ProcessResult r = proxy.slapos(args);
        assertThat(r.exitCode()).as(r.describe()).isZero();
        return json.readTree(r.stdout());
    }

    @Test
    void nodesAndNodeDetail() throws Exception {
        CliRun table = master("nodes");
        assertOk(table);
        assertThat(table.out().lines().findFirst().orElseThrow()).isEqualTo("REFERENCE  TITLE");
        assertThat(table.out()).contains("COMP-CLI   COMP-CLI");
        assertThat(proxy.slapos("computer", "list").stdout()).contains("COMP-CLI");

        CliRun asJson = master("nodes", "--json");
        assertOk(asJson);
        assertThat(json.readTree(asJson.out()))
                .anySatisfy(n -> assertThat(n.path("reference").asText()).isEqualTo("COMP-CLI"));

        CliRun detail = master("node", "COMP-CLI", "--json");
        assertOk(detail);
        assertThat(json.readTree(detail.out()).path("partitions")).hasSize(10);
        CliRun human = master("node", "COMP-CLI");
        assertOk(human);
        assertThat(human.out()).contains("PARTITION  STATE").contains("slappart9");
    }

    @Test
    void supplyAndRemove() throws Exception {
        String url = release + "?cli-supply";
        CliRun supply = master("supply", url, "COMP-CLI");
        assertOk(supply);
        assertThat(supply.out().strip()).isEqualTo("Supplied " + url + " to COMP-CLI.");
        assertThat(proxy.show("--software")
                        .stdout()
                        .lines()
                        .filter(l -> l.contains(url))
                        .findFirst()
                        .orElseThrow())
                .contains("available");
        JsonNode node = json.readTree(master("node", "COMP-CLI", "--json").out());
        assertThat(node.path("software")).anySatisfy(s -> {
            assertThat(s.path("software-url").asText()).isEqualTo(url);
            assertThat(s.path("requested-state").asText()).isEqualTo("available");
        });

        CliRun remove = master("remove", url, "COMP-CLI", "--json");
        assertOk(remove);
        assertThat(json.readTree(remove.out()).path("requested-state").asText()).isEqualTo("destroyed");
        assertThat(proxy.show("--software")
                        .stdout()
                        .lines()
                        .filter(l -> l.contains(url))
                        .findFirst()
                        .orElseThrow())
                .contains("destroyed");
    }

    @Test
    void requestChangeStateAndShowLikeTheSlaposClient() throws Exception {
        CliRun request = master(
                "request",
                "cli-service",
                release,
                "--node",
                "computer_guid=COMP-CLI",
                "--parameters",
                "a=1",
                "url=http://x/?q=1");
        assertOk(request);
        assertThat(request.out())
                .contains("Requested cli-service.")
                .contains("Requested state: started")
                .contains("Node:            COMP-CLI (slappart");
        JsonNode info = cliJson("service", "info", "cli-service");
        assertThat(json.convertValue(info.path("instance-parameters"), Map.class))
                .isEqualTo(Map.of("a", "1", "url", "http://x/?q=1"));

        CliRun stop = master(
                "request",
                "cli-service",
                release,
                "--state",
                "stopped",
                "--parameters",
                "a=1",
                "url=http://x/?q=1",
                "--json");
        assertOk(stop);
        assertThat(json.readTree(stop.out()).path("requested-state").asText()).isEqualTo("stopped");
        assertThat(cliJson("service", "info", "cli-service")
                        .path("requested-state")
                        .asText())
                .isEqualTo("stopped");

        CliRun service = master("service", "cli-service", "--json");
        assertOk(service);
        JsonNode mine = json.readTree(service.out());
        JsonNode theirs = cliJson("service", "info", "cli-service");
        for (String field : List.of(
                "software-url",
                "software-type",
                "shared",
                "requested-state",
                "instance-parameters",
                "connection-parameters")) {
            assertThat(mine.path(field)).as(field).isEqualTo(theirs.path(field));
        }
        CliRun human = master("service", "cli-service");
        assertOk(human);
        assertThat(human.out()).contains("Requested state: stopped").contains("  a    1");

        CliRun services = master("services", "--json");
        assertOk(services);
        assertThat(json.readTree(services.out())).isEqualTo(cliJson("service", "list"));
    }

    @Test
    void aDestroyedServiceIsNotStartedAgain() throws Exception {
        assertOk(master("request", "cli-destroyed", release, "--node", "computer_guid=COMP-CLI"));
        assertOk(master("request", "cli-destroyed", release, "--state", "destroyed"));

        CliRun start = master("request", "cli-destroyed", release, "--state", "started");
        assertOneLineFailure(start, 1, "the service 'cli-destroyed' is destroyed");
        assertThat(cliJson("service", "info", "cli-destroyed")
                        .path("requested-state")
                        .asText())
                .isEqualTo("destroyed");
    }

    @Test
    void requestWithAJsonParametersFileAsJsonInXml() throws Exception {
        Path file = Files.writeString(
                folder.resolve("params.json"),
                "{\"replicas\": 2, \"name\": \"caf\u00e9\", \"tags\": [\"a\", \"b\"]}",
                StandardCharsets.UTF_8);
        CliRun request = master(
                "request",
                "cli-json",
                release,
                "--node",
                "computer_guid=COMP-CLI",
                "--parameters-file",
                file.toString(),
                "--force-serialisation",
                "json-in-xml",
                "--json");
        assertOk(request);
        JsonNode seen = cliJson("service", "info", "cli-json")
                .path("instance-parameters")
                .path("_");
        assertThat(seen).isEqualTo(json.readTree(Files.readString(file)));

        Path xml = Files.writeString(
                folder.resolve("params.xml"),
                "<?xml version='1.0' encoding='utf-8'?><instance><parameter id=\"k\">v &amp; w</parameter></instance>");
        assertOk(master(
                "request",
                "cli-xml",
                release,
                "--node",
                "computer_guid=COMP-CLI",
                "--parameters-file",
                xml.toString()));
        assertThat(cliJson("service", "info", "cli-xml")
                        .path("instance-parameters")
                        .path("k")
                        .asText())
                .isEqualTo("v & w");
    }

    @Test
    void failuresAreOneLineWithTheRightExitCode() throws Exception {
        assertOneLineFailure(master("service", "no-such-service"), 1, "no-such-service");
        assertOneLineFailure(
                master(
                        "request",
                        "x",
                        release,
                        "--parameters-file",
                        folder.resolve("none.json").toString()),
                1,
                "does not exist");
        assertOneLineFailure(master("request", "x", release, "--parameters", "novalue"), 1, "key=value");
        assertOneLineFailure(master("request", "x", release, "--state", "paused"), 1, "unknown state 'paused'");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertOneLineFailure(
                slapdesk(
                        "master",
                        "nodes",
                        "--master-url",
                        "http://127.0.0.1:" + port + "/",
                        "--rest-url",
                        "http://127.0.0.1:" + port + "/hateoas",
                        "--timeout",
                        "5"),
                1,
                "127.0.0.1:" + port);
        assertOneLineFailure(
                slapdesk(
                        "master",
                        "nodes",
                        "--master-url",
                        "https://127.0.0.1:" + port + "/",
                        "--cert",
                        folder.resolve("missing.crt").toString(),
                        "--key",
                        folder.resolve("missing.key").toString()),
                1,
                "missing.crt");
        assertOneLineFailure(
                slapdesk("master", "nodes", "--cfg", folder.resolve("nope.cfg").toString()), 1, "does not exist");
        // a usage error is a failure too (1), not "not ready" (2)
        CliRun usage = slapdesk("master", "request", "only-a-title");
        assertThat(usage.exit()).isEqualTo(1);
        assertThat(usage.err()).contains("Missing required parameter");
        // no room left: the proxy's 404 on allocation
        Path cfg = Files.writeString(folder.resolve("full.cfg"), "[slapos]\nmaster_url = " + proxy.url() + "\n");
        format(node("COMP-TINY", 1));
        assertOk(slapdesk(
                "master", "request", "tiny-1", release, "--cfg", cfg.toString(), "--node", "computer_guid=COMP-TINY"));
        assertOneLineFailure(
                slapdesk(
                        "master",
                        "request",
                        "tiny-2",
                        release,
                        "--cfg",
                        cfg.toString(),
                        "--node",
                        "computer_guid=COMP-TINY"),
                1,
                "no free partition");
    }

    @Test
    void notReadyExitsWithTwo() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "Resource not ready".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(408, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            CliRun run = slapdesk(
                    "master",
                    "request",
                    "waiting",
                    release,
                    "--master-url",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/");
            assertOneLineFailure(run, 2, "not ready");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void savedProfileIsUsedByName() throws Exception {
        Path db = folder.resolve("slapdesk.db");
        try (AppStore store = AppStore.open(db)) {
            store.profiles().save(MasterProfile.plain("lab", proxy.url()).withColour("#3366cc"));
        }
        assertOk(master("request", "via-profile", release, "--node", "computer_guid=COMP-CLI"));
        // a stored profile has no REST URL: the HATEOAS base comes from the proxy's JSON-RPC get.v0.hateoas_url
        CliRun services = slapdesk("master", "services", "--profile", "lab", "--store", db.toString(), "--json");
        assertOk(services);
        assertThat(json.readTree(services.out())).isEqualTo(cliJson("service", "list"));
        assertThat(json.readTree(services.out()).has("via-profile")).isTrue();

        assertOneLineFailure(
                slapdesk("master", "nodes", "--profile", "nope", "--store", db.toString()),
                1,
                "there is no profile named 'nope'; known profiles: lab");
    }

    @Test
    void aJsonParametersFileFollowsTheReleaseSchemaLikeTheSlaposClient() throws Exception {
        Path releaseDir = Files.createDirectories(folder.resolve("json-release"));
        String jsonRelease = releaseDir.resolve("software.cfg").toString();
        Files.writeString(
                releaseDir.resolve("software.cfg.json"),
                "{\"name\": \"test\", \"serialisation\": \"json-in-xml\","
                        + " \"software-type\": {\"default\": {\"title\": \"Default\", \"request\": \"instance-input-schema.json\"}}}");
        Path params = Files.writeString(folder.resolve("schema-params.json"), "{\"a\": 1, \"b\": {\"c\": \"d\"}}");
        assertOk(master(
                "request",
                "schema-json",
                jsonRelease,
                "--node",
                "computer_guid=COMP-CLI",
                "--parameters-file",
                params.toString()));
        ProcessResult theirs = proxy.slapos(
                "request",
                "schema-json-py",
                jsonRelease,
                "--node",
                "computer_guid=COMP-CLI",
                "--parameters-file",
                params.toString());
        assertThat(theirs.exitCode()).as(theirs.describe()).isZero();
        JsonNode mine = cliJson("service", "info", "schema-json").path("instance-parameters");
        assertThat(mine.path("_")).isEqualTo(json.readTree(Files.readString(params)));
        assertThat(mine).isEqualTo(cliJson("service", "info", "schema-json-py").path("instance-parameters"));
    }
}
