package org.slapdesk.core.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.master.MasterException.AuthenticationFailed.Reason;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.wire.XmlMarshal;

/** Every way a master can answer badly gives a typed failure with a one-line message naming the endpoint. */
class MasterErrorMappingTest {

    private CannedServer server;
    private MasterHttp http;
    private SlapEndpoint slap;
    private JsonRpcEndpoint jsonRpc;

    @BeforeEach
    void start() throws Exception {
        server = new CannedServer();
        http = MasterHttp.open(
                MasterProfile.plain("canned", server.url()),
                ClientOptions.defaults().withTimeouts(Duration.ofMillis(500), Duration.ofMillis(700)));
        slap = new SlapEndpoint(http, URI.create(server.url()));
        jsonRpc = new JsonRpcEndpoint(http, URI.create(server.url()));
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    private static void assertOneLine(Throwable e) {
        assertThat(e.getMessage()).doesNotContain("\n").isNotBlank();
    }

    @Test
    void formPostCarriesTheFieldsAndTheUserAgent() throws Exception {
        server.on("/supplySupply", 200, "text/html; charset=utf-8", "Supplied");
        assertThat(slap.supplySupply("https://example.org/sr & co.cfg", "COMP-1", "available"))
                .isEqualTo("Supplied");
        CannedServer.Received r = server.received().get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.headers().get("User-agent")).singleElement().asString().startsWith("slapdesk/");
        assertThat(r.headers().get("Content-type"))
                .singleElement()
                .asString()
                .startsWith("application/x-www-form-urlencoded");
        Map<String, String> form = new HashMap<>();
        for (String pair : r.body().split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertThat(form)
                .isEqualTo(Map.of(
                        "url", "https://example.org/sr & co.cfg", "computer_id", "COMP-1", "state", "available"));
    }

    @Test
    void getCarriesQueryParameters() throws Exception {
        server.on(
                "/getComputerStatus",
                200,
                "text/xml",
                "<marshal><dictionary id=\"i2\"><string>text</string>"
                        + "<string>#access ok</string></dictionary></marshal>");
        assertThat(slap.getComputerStatus("COMP 1")).containsEntry("text", "#access ok");
        assertThat(server.received().get(0).query()).isEqualTo("computer_id=COMP%201");
    }

    @Test
    void htmlErrorPageIsABadResponse() {
        server.on(
                "/getFullComputerInformation",
                200,
                "text/html",
                "<!DOCTYPE html>\n<html><body>Bad Gateway</body></html>");
        assertThatThrownBy(() -> slap.getFullComputerInformation("COMP-1"))
                .isInstanceOf(MasterException.BadResponse.class)
                .hasMessageContaining(server.url() + "getFullComputerInformation")
                .hasMessageContaining("HTML page instead of marshalled XML")
                .satisfies(MasterErrorMappingTest::assertOneLine);
    }

    @Test
    void truncatedXmlIsABadResponse() {
        server.on(
                "/getFullComputerInformation",
                200,
                "text/xml",
                "<marshal><object id=\"i2\" module=\"slapos.slap.slap\" class=\"Computer\"><tuple><string>COMP-1</str");
        assertThatThrownBy(() -> slap.getFullComputerInformation("COMP-1"))
                .isInstanceOf(MasterException.BadResponse.class)
                .hasMessageContaining("not valid marshalled XML")
                .hasMessageContaining("getFullComputerInformation")
                .satisfies(MasterErrorMappingTest::assertOneLine);
    }

    @Test
    void bodyCutShortByTheServerIsABadResponse() {
        server.truncateOn("/getFullComputerInformation", "<marshal><none/>", 5000);
        assertThatThrownBy(() -> slap.getFullComputerInformation("COMP-1"))
                .isInstanceOf(MasterException.BadResponse.class)
                .hasMessageContaining("cut short")
                .satisfies(MasterErrorMappingTest::assertOneLine);
    }

    @Test
    void wrongMarshalledTypeIsABadResponse() {
        server.on("/getFullComputerInformation", 200, "text/xml", "<marshal><string>surprise</string></marshal>");
        assertThatThrownBy(() -> slap.getFullComputerInformation("COMP-1"))
                .isInstanceOf(MasterException.BadResponse.class)
                .hasMessageContaining("answered the string 'surprise' where a Computer object was expected");
        server.on(
                "/registerComputerPartition",
                200,
                "text/xml",
                "<marshal><object id=\"i2\" module=\"slapos.slap.slap\" class=\"Computer\"><tuple/><dictionary id=\"i3\"/></object></marshal>");
        assertThatThrownBy(() -> slap.registerComputerPartition("COMP-1", "slappart0"))
                .isInstanceOf(MasterException.BadResponse.class)
                .hasMessageContaining("a Computer object where a ComputerPartition object was expected");
    }

    @Test
    void hostileXmlIsRefused() {
        server.on(
                "/getFullComputerInformation",
                200,
                "text/xml",
                "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
                        + "<marshal><string>&lol2;</string></marshal>");
        assertThatThrownBy(() -> slap.getFullComputerInformation("COMP-1"))
                .isInstanceOf(MasterException.BadResponse.class)
                .hasMessageContaining("DOCTYPE");
        server.on(
                "/getComputerStatus",
                200,
                "text/xml",
                "<marshal><object id=\"i2\" module=\"os\" class=\"system\"><tuple><string>id</string></tuple></object></marshal>");
        assertThatThrownBy(() -> slap.getComputerStatus("COMP-1"))
                .isInstanceOf(MasterException.BadResponse.class)
                .hasMessageContaining("only the four slap classes");
    }

    @Test
    void statusCodesMapToTypes() {
        server.on("/requestComputerPartition", 408, "text/html", "Resource not ready");
        assertThatThrownBy(() -> slap.requestComputerPartition(new SlapEndpoint.PartitionRequest(
                        "https://x/sr.cfg",
                        "t",
                        null,
                        Map.of(),
                        Map.of(),
                        false,
                        RequestedState.STARTED,
                        Optional.empty())))
                .isInstanceOf(MasterException.NotReady.class)
                .hasMessageContaining(server.url() + "requestComputerPartition")
                .hasMessageContaining("try again later");
        server.on("/getFullComputerInformation", 503, "text/html", "");
        assertThatThrownBy(() -> slap.getFullComputerInformation("COMP-1"))
                .isInstanceOf(MasterException.Busy.class)
                .hasMessageContaining("busy");
        server.on("/supplySupply", 403, "text/html", "<html><body>Forbidden</body></html>");
        assertThatThrownBy(() -> slap.supplySupply("u", "c", "available"))
                .isInstanceOfSatisfying(MasterException.AuthenticationFailed.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.REFUSED))
                .hasMessageContaining("HTTP 403");
        server.on("/computerBang", 401, "text/plain", "who are you");
        assertThatThrownBy(() -> slap.computerBang("c", "m")).isInstanceOf(MasterException.AuthenticationFailed.class);
        server.on("/useComputer", 400, "text/plain", "invalid TioXML");
        assertThatThrownBy(() -> slap.postText("useComputer", Map.of("computer_id", "c"), "usage"))
                .isInstanceOf(MasterException.InvalidRequest.class)
                .hasMessageContaining("invalid TioXML");
        server.on("/getComputerStatus", 500, "text/html", "<html>Internal Server Error</html>");
        assertThatThrownBy(() -> slap.getComputerStatus("c"))
                .isInstanceOf(MasterException.BadResponse.class)
                .hasMessageContaining("HTTP 500");
        // unknown path: the canned server's HTML 404
        assertThatThrownBy(() -> slap.registerComputerPartition("c", "p"))
                .isInstanceOf(MasterException.NotFound.class)
                .hasMessageContaining("registerComputerPartition");
    }

    @Test
    void aHangingMasterTimesOut() {
        server.hangOn("/getFullComputerInformation");
        Instant start = Instant.now();
        assertThatThrownBy(() -> slap.getFullComputerInformation("COMP-1"))
                .isInstanceOf(MasterException.Unreachable.class)
                .hasMessageContaining("did not answer within 0.7 s")
                .hasMessageContaining("getFullComputerInformation")
                .satisfies(MasterErrorMappingTest::assertOneLine);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void nothingListeningIsUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        SlapEndpoint closed = new SlapEndpoint(http, URI.create("http://127.0.0.1:" + port + "/"));
        assertThatThrownBy(() -> closed.getFullComputerInformation("COMP-1"))
                .isInstanceOf(MasterException.Unreachable.class)
                .hasMessageContaining("127.0.0.1:" + port)
                .satisfies(MasterErrorMappingTest::assertOneLine);
    }

    @Test
    void jsonRpcNotReadyAndErrorShapes() {
        server.on(
                "/slapos.post.v0.software_instance",
                200,
                "application/json",
                "{\"status\": 102, \"name\": \"SoftwareInstanceNotReady\", \"message\": \"Software Instance Not Ready\"}");
        assertThatThrownBy(
                        () -> jsonRpc.postSoftwareInstance("t", "u", "default", Map.of(), Map.of(), false, "started"))
                .isInstanceOf(MasterException.NotReady.class)
                .hasMessageContaining(server.url() + "slapos.post.v0.software_instance");
        server.on(
                "/slapos.get.v0.instance_tree",
                403,
                "application/json",
                "{\"status\": 403, \"type\": \"Forbidden\", \"title\": \"No instance tree x found.\"}");
        assertThatThrownBy(() -> jsonRpc.instanceTree("x"))
                .isInstanceOf(MasterException.NotFound.class)
                .hasMessageContaining("No instance tree x found");
        server.on(
                "/slapos.allDocs.v0.compute_node_software_installation_list",
                403,
                "application/json",
                "{\"status\": 403, \"type\": \"SOFTWARE-INSTALLATION-NOT-FOUND\", \"title\": \"nothing\"}");
        assertThatThrownBy(() -> jsonRpc.softwareInstallationList("c")).isInstanceOf(MasterException.NotFound.class);
        server.on(
                "/slapos.get.v0.software_instance",
                403,
                "application/json",
                "{\"status\": 403, \"type\": \"Forbidden\", \"title\": \"You are not allowed\"}");
        assertThatThrownBy(() -> jsonRpc.softwareInstance("g"))
                .isInstanceOf(MasterException.AuthenticationFailed.class);
        server.on(
                "/slapos.get.v0.compute_node_status",
                400,
                "application/json",
                "{\"status\": 400, \"type\": \"Bad Request\", \"title\": \"'computer_guid' is a required property\"}");
        assertThatThrownBy(() -> jsonRpc.computeNodeStatus("c"))
                .isInstanceOf(MasterException.InvalidRequest.class)
                .hasMessageContaining("computer_guid");
        // the canned server answers an HTML 404 for methods it does not know: no JSON-RPC here
        assertThatThrownBy(() -> jsonRpc.instanceTreeList())
                .isInstanceOf(MasterException.Unsupported.class)
                .hasMessageContaining("does not offer the JSON-RPC method slapos.allDocs.v0.instance_tree_list");
        server.on("/slapos.get.v0.hateoas_url", 200, "application/json", "{\"hateoas_url\": \"http://x/\"");
        assertThatThrownBy(() -> jsonRpc.hateoasUrl())
                .isInstanceOf(MasterException.BadResponse.class)
                .hasMessageContaining("instead of JSON");
        server.on("/slapos.allDocs.v0.compute_node_instance_list", 200, "application/json", "{\"rows\": []}");
        assertThatThrownBy(() -> jsonRpc.computeNodeInstanceList("c"))
                .isInstanceOf(MasterException.BadResponse.class)
                .hasMessageContaining("without a result_list");
    }

    @Test
    void hateoasBadDocuments() {
        HateoasEndpoint hateoas = new HateoasEndpoint(http, URI.create(server.url() + "hateoas/"));
        server.on("/hateoas/", 200, "application/hal+json", "{\"_links\": {}}");
        assertThatThrownBy(hateoas::computerList)
                .isInstanceOf(MasterException.BadResponse.class)
                .hasMessageContaining("has no raw_search link");
        HateoasEndpoint html = new HateoasEndpoint(http, URI.create(server.url() + "login/"));
        server.on("/login/", 200, "text/html", "<html><body>Please log in</body></html>");
        assertThatThrownBy(html::root)
                .isInstanceOf(MasterException.BadResponse.class)
                .hasMessageContaining("HTML page instead of HAL+JSON");
        HateoasEndpoint truncated = new HateoasEndpoint(http, URI.create(server.url() + "cut/"));
        server.on("/cut/", 200, "application/json", "{\"_links\": {\"raw_search\": ");
        assertThatThrownBy(truncated::root)
                .isInstanceOf(MasterException.BadResponse.class)
                .hasMessageContaining("not valid HAL+JSON");
    }

    @Test
    void slapMasterFallsBackToHateoasWhenThereIsNoJsonRpc() throws Exception {
        String base = server.url();
        server.on(
                "/hateoas/",
                200,
                "application/hal+json",
                "{\"_links\": {"
                        + "\"raw_search\": {\"href\": \"" + base + "hateoas/search{?query,select_list,limit}\"},"
                        + "\"traverse\": {\"href\": \"" + base + "hateoas/traverse{?relative_url,view}\"}}}");
        server.on(
                "/hateoas/search",
                200,
                "application/hal+json",
                "{\"_embedded\": {\"contents\": [{\"title\": \"svc\", \"relative_url\": \"instance_tree_module/1\"}]}}");
        server.on(
                "/hateoas/traverse",
                200,
                "application/hal+json",
                "{\"_embedded\": {\"_view\": {"
                        + "\"my_reference\": {\"type\": \"StringField\", \"default\": \"svc\"},"
                        + "\"my_slap_state\": {\"type\": \"StringField\", \"default\": \"stop_requested\"},"
                        + "\"my_text_content\": {\"type\": \"TextAreaField\", \"default\": \"<?xml version='1.0' encoding='utf-8'?><instance><parameter id=\\\"a\\\">1</parameter></instance>\"},"
                        + "\"my_connection_parameter_list\": {\"type\": \"ListField\", \"default\": [{\"connection_key\": \"url\", \"connection_value\": \"https://svc/\"}]},"
                        + "\"my_url_string\": {\"type\": \"StringField\", \"default\": \"https://x/sr.cfg\"},"
                        + "\"my_source_reference\": {\"type\": \"StringField\", \"default\": \"default\"},"
                        + "\"my_root_slave\": {\"type\": \"IntegerField\", \"default\": 0},"
                        + "\"my_news\": {\"type\": \"StringField\", \"default\": \"#access all good\"}}},"
                        + "\"_links\": {\"type\": {\"name\": \"Instance Tree\"}}}");
        try (SlapMaster master = SlapMaster.open(
                MasterProfile.plain("canned", base).withRestUrl(URI.create(base + "hateoas/")),
                ClientOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)))) {
            var detail = master.service("svc");
            var root = detail.instances().get(0);
            assertThat(root.requestedState()).isEqualTo(RequestedState.STOPPED);
            assertThat(root.parameters()).isEqualTo(Map.of("a", "1"));
            assertThat(master.connectionParameters("svc")).isEqualTo(Map.of("url", "https://svc/"));
            assertThat(detail.tree().status())
                    .hasValueSatisfying(s -> assertThat(s.text()).isEqualTo("#access all good"));
        }
        assertThat(server.received()).anySatisfy(r -> assertThat(r.query())
                .contains("query=portal_type%3A%22Instance%20Tree%22")
                .contains("select_list=title,relative_url")
                // the first page: (start, count)
                .contains("limit=0,1000"));
        assertThat(server.received()).anySatisfy(r -> assertThat(r.query())
                .isEqualTo("relative_url=instance_tree_module%2F1&view=slaposjs_view"));
    }

    @Test
    void slapMasterUsesJsonRpcWhenTheMasterRefusesGetFullComputerInformationAndHasNoHateoas() throws Exception {
        // a user certificate on the real master: the node-side call is refused
        server.on("/getFullComputerInformation", 403, "text/html", "<html>Forbidden</html>");
        server.on(
                "/slapos.allDocs.v0.compute_node_instance_list",
                200,
                "application/json",
                "{\"result_list\": [{\"title\": \"svc\", \"instance_guid\": \"SOFTINST-1\", \"state\": \"stopped\","
                        + " \"compute_partition_id\": \"slappart3\", \"software_release_uri\": \"https://x/sr.cfg\"}]}");
        server.on(
                "/slapos.allDocs.v0.compute_node_software_installation_list",
                200,
                "application/json",
                "{\"result_list\": [{\"software_release_uri\": \"https://x/sr.cfg\", \"state\": \"available\"}]}");
        server.on(
                "/slapos.allDocs.v0.instance_tree_list",
                200,
                "application/json",
                "{\"result_list\": [{\"title\": \"svc\"}]}");
        server.on(
                "/slapos.get.v0.instance_tree",
                200,
                "application/json",
                "{\"title\": \"svc\", \"instance_guid\": \"SOFTINST-1\","
                        + " \"software_release_uri\": \"https://x/sr.cfg\", \"software_type\": \"default\", \"state\": \"stopped\","
                        + " \"connection_parameters\": {\"url\": \"https://svc/\"}, \"parameters\": {\"a\": \"1\"}, \"shared\": false,"
                        + " \"root_instance_title\": \"svc\", \"ip_list\": [[\"slaptap3\", \"10.0.0.5\"]], \"full_ip_list\": [],"
                        + " \"sla_parameters\": {}, \"computer_guid\": \"COMP-1\", \"compute_partition_id\": \"slappart3\","
                        + " \"processing_timestamp\": 0, \"access_status_message\": \"#access Instance correctly started\"}");
        try (SlapMaster master = SlapMaster.open(
                MasterProfile.plain("canned", server.url()),
                ClientOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)))) {
            var node = master.node("COMP-1");
            assertThat(node.partitions()).singleElement().satisfies(p -> {
                assertThat(p.reference()).isEqualTo("slappart3");
                assertThat(p.instanceTitle()).contains("svc");
                assertThat(p.requestedState()).contains(RequestedState.STOPPED);
            });
            assertThat(node.software()).singleElement().satisfies(s -> assertThat(s.requestedState())
                    .isEqualTo("available"));

            // no master_rest_url, no getHateoasUrl, no JSON-RPC hateoas_url: services come from JSON-RPC
            var services = master.services();
            assertThat(services).singleElement().satisfies(t -> {
                assertThat(t.title()).isEqualTo("svc");
                assertThat(t.softwareReleaseUrl()).isEqualTo("https://x/sr.cfg");
                assertThat(t.requestedState()).contains(RequestedState.STOPPED);
            });
            var root = master.service("svc").instances().get(0);
            assertThat(root.ipList()).containsExactly("10.0.0.5");
            assertThat(root.partitionReference()).contains("slappart3");
            assertThat(root.status())
                    .hasValueSatisfying(st -> assertThat(st.text()).startsWith("#access"));
            assertThat(master.connectionParameters("svc")).isEqualTo(Map.of("url", "https://svc/"));
            assertThatThrownBy(master::nodeToken)
                    .isInstanceOf(MasterException.Unsupported.class)
                    .hasMessageContaining("set master_rest_url");
        }
    }

    @Test
    void accessStatusIsReadFromGetComputerStatus() throws Exception {
        server.on(
                "/getComputerStatus",
                200,
                "text/xml",
                XmlMarshal.dumps(Map.of(
                        "text",
                        "#access COMP-1",
                        "created_at",
                        "Mon, 23 Nov 2026 15:00:00 GMT",
                        "since",
                        "Mon, 23 Nov 2026 14:00:00 GMT",
                        "no_data_since_5_minutes",
                        1)));
        try (SlapMaster master =
                SlapMaster.open(MasterProfile.plain("canned", server.url()), ClientOptions.defaults())) {
            var status = master.nodeStatus("COMP-1").orElseThrow();
            assertThat(status.text()).isEqualTo("#access COMP-1");
            assertThat(status.createdAt()).isEqualTo(Instant.parse("2026-11-23T15:00:00Z"));
            assertThat(status.since()).isEqualTo(Instant.parse("2026-11-23T14:00:00Z"));
        }
    }

    @Test
    void aRefusedNodeDocumentIsReportedNotTheFallbacksFailure() throws Exception {
        server.on(
                "/getFullComputerInformation",
                200,
                "text/xml",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]><marshal><string>&e;</string></marshal>");
        server.on("/slapos.allDocs.v0.compute_node_instance_list", 200, "application/json", "[\"not an object\"]");
        try (SlapMaster master =
                SlapMaster.open(MasterProfile.plain("canned", server.url()), ClientOptions.defaults())) {
            assertThatThrownBy(() -> master.node("COMP-1"))
                    .hasMessageContaining("DOCTYPE")
                    .hasMessageNotContaining("allDocs")
                    .satisfies(e -> assertThat(e.getSuppressed()).isNotEmpty());
        }
    }

    @Test
    void softwareReleaseSchemaIsFetchedBesideTheRelease() throws Exception {
        server.on(
                "/sr/software.cfg.json",
                200,
                "application/json",
                "{\"serialisation\": \"xml\", \"software-type\": {\"kvm\": {\"serialisation\": \"json-in-xml\"}}}");
        server.on("/broken/software.cfg.json", 200, "application/json", "{\"serialisation\": ");
        try (SlapMaster master =
                SlapMaster.open(MasterProfile.plain("canned", server.url()), ClientOptions.defaults())) {
            assertThat(master.releaseSchemas()
                            .softwareReleaseSchema(server.url() + "sr/software.cfg", "kvm")
                            .strictSerialisation()
                            .wireName())
                    .isEqualTo("json-in-xml");
            assertThat(master.releaseSchemas()
                            .softwareReleaseSchema(server.url() + "sr/software.cfg", "default")
                            .strictSerialisation()
                            .wireName())
                    .isEqualTo("xml");
            // no .json beside the release: a schema without content
            assertThat(master.releaseSchemas()
                            .softwareReleaseSchema(server.url() + "none/software.cfg", "default")
                            .softwareTypeSchema())
                    .isEmpty();
            assertThatThrownBy(() -> master.releaseSchemas()
                            .softwareReleaseSchema(server.url() + "broken/software.cfg", "default"))
                    .isInstanceOf(MasterException.BadResponse.class)
                    .hasMessageContaining("not valid JSON");
        }
    }
}
