package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every JSON-RPC method of docs/protocol.md, "JSON-RPC", with its answers and error shapes. */
class JsonRpcTest {

    static final String SR = "https://lab.example/software/demo/software.cfg";

    @TempDir
    Path dir;

    LocalMaster master;
    MasterHttp http;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        master = LocalMaster.start(dir.resolve("m.sqlite"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        http = new MasterHttp(master.url());
    }

    @AfterEach
    void stop() {
        master.close();
    }

    JsonNode ok(String method, String body) throws Exception {
        HttpResponse<String> r = http.json("slapos." + method, body);
        assertThat(r.statusCode()).as(method + " " + r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
        return json.readTree(r.body());
    }

    JsonNode error(String method, String body, int status) throws Exception {
        HttpResponse<String> r = http.json("slapos." + method, body);
        assertThat(r.statusCode()).as(method + " " + r.body()).isEqualTo(status);
        JsonNode e = json.readTree(r.body());
        assertThat(e.get("status").asInt()).isEqualTo(status);
        assertThat(e.get("type").asText()).isNotEmpty();
        assertThat(e.get("title").asText()).isNotEmpty();
        return e;
    }

    @Test
    void theWholeLifecycleThroughJsonRpc() throws Exception {
        ok(
                "put.v0.compute_node_format",
                "{\"computer_guid\": \"COMP-J\", \"compute_partition_list\": ["
                        + "{\"partition_id\": \"slappart0\", \"ip_list\": [{\"ip-address\": \"10.1.0.2\", \"network-interface\": \"tap0\"}]},"
                        + "{\"partition_id\": \"slappart1\", \"ip_list\": []}]}");
        assertThat(ok(
                                "post.v0.software_installation",
                                "{\"computer_guid\": \"COMP-J\", \"software_release_uri\": \"" + SR + "\"}")
                        .get("type")
                        .asText())
                .isEqualTo("success");
        JsonNode installs = ok("allDocs.v0.compute_node_software_installation_list", "{\"computer_guid\": \"COMP-J\"}");
        assertThat(installs.get("result_list").get(0).get("state").asText()).isEqualTo("available");
        ok(
                "put.v0.software_installation_reported_state",
                "{\"computer_guid\": \"COMP-J\", \"software_release_uri\": \"" + SR
                        + "\", \"reported_state\": \"building\"}");
        ok(
                "put.v0.software_installation_error",
                "{\"computer_guid\": \"COMP-J\", \"software_release_uri\": \"" + SR + "\", \"message\": \"failed\"}");

        JsonNode instance = ok(
                "post.v0.software_instance",
                "{\"title\": \"svc\", \"software_release_uri\": \"" + SR
                        + "\", \"software_type\": \"default\", \"parameters\": {\"a\": \"1\"}, \"sla_parameters\": {\"computer_guid\": \"COMP-J\"}}");
        String guid = instance.get("instance_guid").asText();
        assertThat(guid).startsWith("SOFTINST-");
        assertThat(instance.get("compute_partition_id").asText()).isEqualTo("slappart0");
        assertThat(instance.get("ip_list").get(0).get(1).asText()).isEqualTo("10.1.0.2");
        assertThat(instance.get("parameters").get("a").asText()).isEqualTo("1");
        assertThat(instance.get("sla_parameters").get("computer_guid").asText()).isEqualTo("COMP-J");
        for (String field : new String[] {
            "title",
            "instance_guid",
            "software_release_uri",
            "software_type",
            "state",
            "connection_parameters",
            "parameters",
            "shared",
            "root_instance_title",
            "ip_list",
            "full_ip_list",
            "sla_parameters",
            "computer_guid",
            "compute_partition_id",
            "processing_timestamp",
            "access_status_message"
        }) {
            assertThat(instance.has(field)).as(field).isTrue();
        }
        assertThat(ok("get.v0.software_instance", "{\"instance_guid\": \"" + guid + "\"}")
                        .get("title")
                        .asText())
                .isEqualTo("svc");
        assertThat(ok(
                                "get.v0.compute_partition",
                                "{\"computer_guid\": \"COMP-J\", \"compute_partition_id\": \"slappart0\"}")
                        .get("instance_guid")
                        .asText())
                .isEqualTo(guid);
        assertThat(ok("get.v0.instance_tree", "{\"title\": \"svc\"}")
                        .get("instance_guid")
                        .asText())
                .isEqualTo(guid);
        assertThat(ok("allDocs.v0.instance_tree_list", "{}")
                        .get("result_list")
                        .get(0)
                        .get("title")
                        .asText())
                .isEqualTo("svc");
        assertThat(ok("allDocs.v0.compute_node_instance_list", "{\"computer_guid\": \"COMP-J\"}")
                        .get("result_list")
                        .get(0)
                        .get("instance_guid")
                        .asText())
                .isEqualTo(guid);

        JsonNode shared = ok(
                "post.v0.software_instance",
                "{\"title\": \"sh\", \"software_release_uri\": \"" + SR
                        + "\", \"software_type\": \"default\", \"shared\": true, \"parameters\": {\"d\": \"x\"}}");
        assertThat(shared.get("shared").asBoolean()).isTrue();
        JsonNode hosted = ok("allDocs.v0.instance_node_instance_list", "{\"instance_guid\": \"" + guid + "\"}");
        assertThat(hosted.get("result_list").get(0).get("title").asText()).isEqualTo("sh");

        ok(
                "put.v0.software_instance_connection_parameter",
                "{\"instance_guid\": \"" + guid + "\", \"connection_parameter_dict\": {\"url\": \"http://x\"}}");
        ok(
                "put.v0.software_instance_reported_state",
                "{\"instance_guid\": \"" + guid + "\", \"reported_state\": \"started\"}");
        assertThat(ok("get.v0.software_instance", "{\"instance_guid\": \"" + guid + "\"}")
                        .get("access_status_message")
                        .asText())
                .isEqualTo("#access Instance correctly started");
        ok("put.v0.software_instance_error", "{\"instance_guid\": \"" + guid + "\", \"message\": \"oops\"}");
        ok("put.v0.software_instance_bang", "{\"instance_guid\": \"" + guid + "\", \"message\": \"bang\"}");
        ok("put.v0.software_instance_title", "{\"instance_guid\": \"" + guid + "\", \"title\": \"svc2\"}");
        JsonNode renamed = ok("get.v0.software_instance", "{\"instance_guid\": \"" + guid + "\"}");
        assertThat(renamed.get("title").asText()).isEqualTo("svc2");
        assertThat(renamed.get("connection_parameters").get("url").asText()).isEqualTo("http://x");
        assertThat(renamed.get("access_status_message").asText()).isEqualTo("#error bang called: bang");

        ok("put.v0.compute_node_bang", "{\"computer_guid\": \"COMP-J\", \"message\": \"reboot\"}");
        ok("post.v0.compute_node_usage", "{\"computer_guid\": \"COMP-J\", \"tioxml\": \"<journal/>\"}");
        master.service().fullComputerInformation("COMP-J");
        assertThat(ok("get.v0.compute_node_status", "{\"computer_guid\": \"COMP-J\"}")
                        .get("text")
                        .asText())
                .isEqualTo("#access COMP-J");
        assertThat(ok("get.v0.hateoas_url", "{}").get("hateoas_url").asText()).isEqualTo(master.url() + "hateoas/");
        assertThat(ok("post.v0.compute_node_certificate", "{\"computer_guid\": \"COMP-J\"}")
                        .has("certificate"))
                .isTrue();
        ok("remove.v0.compute_node_certificate", "{\"computer_guid\": \"COMP-J\"}");
        assertThat(ok("get.v0.software_instance_certificate", "{\"instance_guid\": \"" + guid + "\"}")
                        .has("key"))
                .isTrue();

        // destroy: requested, then reported by the node; the partition is free again
        ok(
                "post.v0.software_instance",
                "{\"title\": \"svc2\", \"software_release_uri\": \"" + SR
                        + "\", \"software_type\": \"default\", \"state\": \"destroyed\"}");
        ok(
                "put.v0.software_instance_reported_state",
                "{\"instance_guid\": \"" + guid + "\", \"reported_state\": \"destroyed\"}");
        error("get.v0.software_instance", "{\"instance_guid\": \"" + guid + "\"}", 403);
        ok(
                "put.v0.software_installation_reported_state",
                "{\"computer_guid\": \"COMP-J\", \"software_release_uri\": \"" + SR
                        + "\", \"reported_state\": \"destroyed\"}");
        assertThat(ok("allDocs.v0.compute_node_software_installation_list", "{\"computer_guid\": \"COMP-J\"}")
                        .get("result_list"))
                .isEmpty();
    }

    @Test
    void errorShapes() throws Exception {
        assertThat(error("get.v0.software_instance", "{}", 400).get("title").asText())
                .contains("instance_guid");
        error("get.v0.software_instance", "not json", 400);
        error("get.v0.software_instance", "[1, 2]", 400);
        error("get.v0.software_instance", "{\"instance_guid\": 5}", 400);
        error("get.v0.software_instance", "{\"instance_guid\": \"SOFTINST-999\"}", 403);
        error("allDocs.v0.compute_node_instance_list", "{\"computer_guid\": \"COMP-404\"}", 403);
        error(
                "post.v0.software_installation",
                "{\"computer_guid\": \"COMP-404\", \"software_release_uri\": \"x\"}",
                403);
        error(
                "post.v0.software_instance",
                "{\"title\": \"t\", \"software_release_uri\": \"x\", \"software_type\": \"default\","
                        + " \"shared\": \"yes\"}",
                400);
        error("no.such.method", "{}", 404);
        HttpResponse<String> get = http.get("slapos.get.v0.hateoas_url", Map.of());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(json.readTree(get.body()).get("status").asInt()).isEqualTo(405);

        // no node, so no partition: HTTP 200 with status 102, as the master answers
        JsonNode notReady = ok(
                "post.v0.software_instance",
                "{\"title\": \"t\", \"software_release_uri\": \"x\"," + " \"software_type\": \"default\"}");
        assertThat(notReady.get("status").asInt()).isEqualTo(102);
        assertThat(notReady.get("name").asText()).isEqualTo("SoftwareInstanceNotReady");
    }
}
