package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.wire.SlapObject;
import org.slapdesk.core.wire.XmlMarshal;

/** SLAP on the wire: answers, 408, and refusals of bad input (4xx with one line, never 500). */
class SlapProtocolTest {

    static final String SR = "https://lab.example/software/demo/software.cfg";

    @TempDir
    Path dir;

    LocalMaster master;
    MasterHttp http;

    @BeforeEach
    void start() throws Exception {
        master = LocalMaster.start(dir.resolve("m.sqlite"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        http = new MasterHttp(master.url());
    }

    @AfterEach
    void stop() {
        master.close();
    }

    @Test
    void requestsWaitWith408WhileNoPartitionIsFreeThenGetOne() throws Exception {
        assertThat(http.format("COMP-1", 1).statusCode()).isEqualTo(200);
        assertThat(http.request("a", SR, Map.of(), Map.of(), null, false).statusCode())
                .isEqualTo(200);
        HttpResponse<String> waiting = http.request("b", SR, Map.of(), Map.of(), null, false);
        assertThat(waiting.statusCode()).isEqualTo(408);
        assertThat(waiting.body()).contains("'b' waits for a free partition");
        // a second partition appears: the pending request is placed on it
        assertThat(http.format("COMP-1", 2).statusCode()).isEqualTo(200);
        HttpResponse<String> placed = http.request("b", SR, Map.of(), Map.of(), null, false);
        assertThat(placed.statusCode()).isEqualTo(200);
        SlapObject instance = (SlapObject) XmlMarshal.loads(placed.body());
        assertThat(instance.className()).isEqualTo("SoftwareInstance");
        assertThat(instance.stateMap())
                .containsEntry("slap_computer_partition_id", "slappart1")
                .containsEntry("instance_title", "b")
                .containsEntry("_requested_state", "started");
    }

    @Test
    void unknownComputersAre404WithAMessage() throws Exception {
        HttpResponse<String> r = http.get("getFullComputerInformation", MasterHttp.form("computer_id", "COMP-404"));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("unknown compute node 'COMP-404'");
        assertThat(http.post(
                                "supplySupply",
                                MasterHttp.form("url", SR, "computer_id", "COMP-404", "state", "available"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.request("x", SR, Map.of(), Map.of("computer_guid", "COMP-404"), null, false)
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.get("getComputerStatus", MasterHttp.form("computer_id", "COMP-404"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.post(
                                "startedComputerPartition",
                                MasterHttp.form("computer_id", "COMP-404", "computer_partition_id", "slappart0"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void badInputIsA4xxWithOneLine() throws Exception {
        http.format("COMP-1", 1);
        assertBad(
                http.post("loadComputerConfigurationFromXML", MasterHttp.form("xml", "<marshal><dictionary")),
                400,
                "xml");
        assertBad(
                http.post(
                        "loadComputerConfigurationFromXML",
                        MasterHttp.form("xml", "<marshal><string>x</string></marshal>")),
                400,
                "must be a marshalled dictionary");
        assertBad(
                http.post(
                        "loadComputerConfigurationFromXML",
                        MasterHttp.form("xml", XmlMarshal.dumps(Map.of("reference", "COMP-2")))),
                400,
                "partition_list");
        assertBad(
                http.post(
                        "loadComputerConfigurationFromXML",
                        MasterHttp.form(
                                "xml",
                                "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><marshal><string>&e;</string></marshal>")),
                400,
                "xml");
        assertBad(
                http.post(
                        "requestComputerPartition",
                        MasterHttp.form(
                                "software_release",
                                SR,
                                "partition_reference",
                                "t",
                                "partition_parameter_xml",
                                XmlMarshal.dumps(List.of("not", "a", "dict")))),
                400,
                "partition_parameter_xml");
        assertBad(
                http.post(
                        "requestComputerPartition",
                        MasterHttp.form(
                                "software_release",
                                SR,
                                "partition_reference",
                                "t",
                                "shared_xml",
                                XmlMarshal.dumps("yes"))),
                400,
                "shared_xml");
        assertBad(
                http.post(
                        "requestComputerPartition",
                        MasterHttp.form(
                                "software_release",
                                SR,
                                "partition_reference",
                                "t",
                                "state",
                                XmlMarshal.dumps("running"))),
                400,
                "state");
        assertBad(
                http.post("requestComputerPartition", MasterHttp.form("partition_reference", "t")),
                400,
                "software_release");
        assertBad(
                http.post("supplySupply", MasterHttp.form("url", SR, "computer_id", "COMP-1", "state", "maybe")),
                400,
                "state");
        assertBad(http.get("supplySupply", MasterHttp.form("url", SR)), 405, "POST");
        assertBad(http.get("noSuchMethod", Map.of()), 404, "noSuchMethod");
        String big = "x".repeat(LocalMaster.DEFAULT_MAX_BODY_BYTES + 10);
        assertBad(http.post("loadComputerConfigurationFromXML", MasterHttp.form("xml", big)), 413, "limit");
    }

    private static void assertBad(HttpResponse<String> r, int status, String mention) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).contains(mention).doesNotContain("\n");
    }
}
