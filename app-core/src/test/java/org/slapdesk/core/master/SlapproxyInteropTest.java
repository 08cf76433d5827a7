package org.slapdesk.core.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.model.ComputeNode;
import org.slapdesk.core.model.ComputeNodeDetail;
import org.slapdesk.core.model.ComputePartition;
import org.slapdesk.core.model.InstanceRequest;
import org.slapdesk.core.model.InstanceTree;
import org.slapdesk.core.model.PartitionState;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.model.SoftwareInstallation;
import org.slapdesk.core.model.SoftwareInstance;
import org.slapdesk.testlab.ProcessResult;

/**
 * The Java client against a real {@code slapos proxy}; each scenario is cross-checked with the
 * real {@code slapos} CLI ({@code service list/info}, {@code computer list}) or {@code slapos proxy show}.
 * Each test formats its own node, so they do not depend on each other.
 */
class SlapproxyInteropTest extends SlapproxyTestBase {

    @Test
    void formattedNodeShowsItsPartitionsInJavaAndInTheRealTools() throws Exception {
        format("COMP-FMT", 4);

        ComputeNodeDetail detail = master.node("COMP-FMT");
        assertThat(detail.partitions())
                .extracting(ComputePartition::reference)
                .containsExactlyInAnyOrder("slappart0", "slappart1", "slappart2", "slappart3");
        assertThat(detail.partitions()).extracting(ComputePartition::state).containsOnly(PartitionState.FREE);
        assertThat(master.nodes()).extracting(ComputeNode::reference).contains("COMP-FMT");

        ProcessResult computers = show("--computers");
        assertThat(computers.stdout()).contains("COMP-FMT").contains("10.0.0.1");
        // proxy show hides free partitions: ask the real Python slap library, as a node would
        ProcessResult python = proxy.python(
                String.join(
                        "\n",
                        "import sys, slapos.slap",
                        "slap = slapos.slap.slap()",
                        "slap.initializeConnection(sys.argv[1])",
                        "partitions = slap.registerComputer('COMP-FMT').getComputerPartitionList()",
                        "print(' '.join(sorted(p.getId() + '=' + p.getState() for p in partitions)))"),
                proxy.url());
        assertThat(python.exitCode()).as(python.describe()).isZero();
        assertThat(python.stdout().strip())
                .isEqualTo("slappart0=destroyed slappart1=destroyed slappart2=destroyed slappart3=destroyed");
        ProcessResult list = proxy.slapos("computer", "list");
        assertThat(list.exitCode()).as(list.describe()).isZero();
        assertThat(list.stdout()).contains("COMP-FMT");
    }

    @Test
    void supplyAndRemoveSoftware() throws Exception {
        format("COMP-SUP", 1);
        String url = release + "?supply";

        master.supply(url, "COMP-SUP");
        assertThat(master.node("COMP-SUP").software())
                .containsExactly(new SoftwareInstallation(url, "COMP-SUP", "available", Optional.empty()));
        assertThat(master.jsonRpc().softwareInstallationList("COMP-SUP"))
                .singleElement()
                .satisfies(row -> assertThat(row.path("state").asText()).isEqualTo("available"));
        assertThat(show("--software")
                        .stdout()
                        .lines()
                        .filter(l -> l.contains(url))
                        .findFirst()
                        .orElseThrow())
                .contains("COMP-SUP")
                .contains("available");

        master.remove(url, "COMP-SUP");
        assertThat(master.node("COMP-SUP").software())
                .extracting(SoftwareInstallation::requestedState)
                .containsExactly("destroyed");
        assertThat(show("--software")
                        .stdout()
                        .lines()
                        .filter(l -> l.contains(url))
                        .findFirst()
                        .orElseThrow())
                .contains("destroyed");

        // the node reports the release gone: the proxy forgets it
        master.slap().destroyedSoftwareRelease(url, "COMP-SUP");
        assertThat(master.node("COMP-SUP").software()).isEmpty();
        assertThat(show("--software").stdout()).doesNotContain(url);
    }

    @Test
    void requestStopStartDestroyWithPlainParameters() throws Exception {
        format("COMP-REQ", 2);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("name", "a & b <c>");
        parameters.put("port", "8080");

        SoftwareInstance requested = master.request(plainRequest("plain-service", "COMP-REQ", parameters));
        assertThat(requested.computeNodeReference()).contains("COMP-REQ");
        assertThat(requested.partitionReference())
                .hasValueSatisfying(p -> assertThat(p).startsWith("slappart"));
        assertThat(requested.parameters())
                .containsExactlyInAnyOrderEntriesOf(Map.of("name", "a & b <c>", "port", "8080"));
        assertThat(requested.requestedState()).isEqualTo(RequestedState.STARTED);

        JsonNode info = cliJson("service", "info", "plain-service");
        assertThat(info.path("software-url").asText()).isEqualTo(release);
        assertThat(info.path("shared").asBoolean()).isFalse();
        assertThat(info.path("requested-state").asText()).isEqualTo("started");
        assertThat(json.convertValue(info.path("instance-parameters"), Map.class))
                .isEqualTo(Map.of("name", "a & b <c>", "port", "8080"));
        assertThat(show("--partitions")
                        .stdout()
                        .lines()
                        .filter(l -> l.contains("plain-service"))
                        .findFirst()
                        .orElseThrow())
                .contains("COMP-REQ")
                .contains(requested.partitionReference().orElseThrow());

        assertThat(master.changeState("plain-service", RequestedState.STOPPED).requestedState())
                .isEqualTo(RequestedState.STOPPED);
        assertThat(cliJson("service", "info", "plain-service")
                        .path("requested-state")
                        .asText())
                .isEqualTo("stopped");
        assertThat(master.service("plain-service").tree().requestedState()).contains(RequestedState.STOPPED);
        // the parameters survive a state change
        assertThat(json.convertValue(
                        cliJson("service", "info", "plain-service").path("instance-parameters"), Map.class))
                .isEqualTo(Map.of("name", "a & b <c>", "port", "8080"));

        master.changeState("plain-service", RequestedState.STARTED);
        assertThat(cliJson("service", "info", "plain-service")
                        .path("requested-state")
                        .asText())
                .isEqualTo("started");

        master.changeState("plain-service", RequestedState.DESTROYED);
        assertThat(cliJson("service", "info", "plain-service")
                        .path("requested-state")
                        .asText())
                .isEqualTo("destroyed");
        assertThat(master.service("plain-service").tree().requestedState()).contains(RequestedState.DESTROYED);

        // the node reports the partition destroyed: the proxy frees it and the service disappears
        master.slap()
                .destroyedComputerPartition(new SlapEndpoint.PartitionId(
                        "COMP-REQ", requested.partitionReference().orElseThrow()));
        assertThat(cliJson("service", "list").has("plain-service")).isFalse();
        assertThat(master.services()).extracting(InstanceTree::title).doesNotContain("plain-service");
        assertThat(master.node("COMP-REQ").partitions())
                .extracting(ComputePartition::state)
                .containsOnly(PartitionState.FREE);
    }

    @Test
    void requestWithJsonInXmlParameters() throws Exception {
        format("COMP-JSON", 1);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("title", "Ünïcode & <tags>");
        parameters.put("replicas", 3);
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("enabled", true);
        nested.put("list", List.of(1, 2));
        parameters.put("nested", nested);
        InstanceRequest request = new InstanceRequest(
                "json-service",
                release,
                "default",
                parameters,
                true,
                Map.of("computer_guid", "COMP-JSON"),
                false,
                RequestedState.STARTED);

        SoftwareInstance requested = master.request(request);
        assertThat(requested.parameters()).containsOnlyKeys("_");

        // the real client decodes the single '_' parameter back into a dict
        JsonNode info = cliJson("service", "info", "json-service");
        JsonNode seen = info.path("instance-parameters");
        assertThat(seen.size()).isEqualTo(1);
        assertThat(seen.path("_")).isEqualTo(json.valueToTree(parameters));

        // and the stored text is byte for byte what Python's json.dumps(params, indent=2, sort_keys=True) writes
        String stored =
                master.service("json-service").instances().get(0).parameters().get("_");
        ProcessResult python = proxy.python(
                "import json, sys; sys.stdout.write(json.dumps(json.loads(sys.argv[1]), indent=2, sort_keys=True))",
                json.writeValueAsString(parameters));
        assertThat(python.exitCode()).as(python.describe()).isZero();
        assertThat(stored).isEqualTo(python.stdout());

        // stop and start keep the JSON-in-XML parameters as they are
        master.changeState("json-service", RequestedState.STOPPED);
        JsonNode stopped = cliJson("service", "info", "json-service");
        assertThat(stopped.path("requested-state").asText()).isEqualTo("stopped");
        assertThat(stopped.path("instance-parameters").path("_")).isEqualTo(json.valueToTree(parameters));
        master.changeState("json-service", RequestedState.STARTED);
        assertThat(cliJson("service", "info", "json-service")
                        .path("requested-state")
                        .asText())
                .isEqualTo("started");
        assertThat(master.service("json-service")
                        .instances()
                        .get(0)
                        .parameters()
                        .get("_"))
                .isEqualTo(stored);
    }

    @Test
    void servicesAndNodesListedThroughHateoasAndJsonRpcAgreeWithTheRealClient() throws Exception {
        format("COMP-LST", 2);
        master.request(plainRequest("listed-a", "COMP-LST", Map.of()));
        master.request(plainRequest("listed-b", "COMP-LST", Map.of("x", "1")));

        JsonNode cliServices = cliJson("service", "list");
        List<String> hateoasTitles =
                master.services().stream().map(InstanceTree::title).toList();
        List<String> jsonRpcTitles = master.jsonRpc().instanceTreeList();
        assertThat(hateoasTitles).contains("listed-a", "listed-b");
        assertThat(hateoasTitles).containsExactlyInAnyOrderElementsOf(iterable(cliServices.fieldNames()));
        assertThat(jsonRpcTitles).containsExactlyInAnyOrderElementsOf(hateoasTitles);
        assertThat(master.services())
                .filteredOn(t -> t.title().equals("listed-b"))
                .singleElement()
                .satisfies(t -> assertThat(t.softwareReleaseUrl())
                        .isEqualTo(cliServices.path("listed-b").asText()));

        // a service through HATEOAS (traverse) and through JSON-RPC tell the same story
        HateoasEndpoint.Document doc = master.hateoas().serviceInfo("listed-b");
        JsonNode rpc = master.jsonRpc().instanceTree("listed-b");
        assertThat(doc.text("url_string"))
                .contains(rpc.path("software_release_uri").asText());
        assertThat(doc.text("slap_state")).contains(rpc.path("state").asText());
        assertThat(SlapMaster.instanceXml(doc.text("text_content").orElseThrow(), "test"))
                .isEqualTo(Map.of("x", "1"));

        // nodes: HATEOAS computer list, JSON-RPC node instance list, and the real client
        List<String> nodes = master.nodes().stream().map(ComputeNode::reference).toList();
        ProcessResult cliNodes = proxy.slapos("computer", "list");
        for (String node : nodes) {
            assertThat(cliNodes.stdout()).contains(node);
        }
        assertThat(nodes).contains("COMP-LST");
        assertThat(master.jsonRpc().computeNodeInstanceList("COMP-LST"))
                .extracting(r -> r.path("title").asText())
                .containsExactlyInAnyOrder("listed-a", "listed-b");
        assertThat(master.node("COMP-LST").partitions())
                .filteredOn(p -> p.state() == PartitionState.BUSY)
                .extracting(p -> p.instanceTitle().orElseThrow())
                .containsExactlyInAnyOrder("listed-a", "listed-b");
    }

    @Test
    void unknownThingsAreNotFound() throws Exception {
        assertThatThrownBy(() -> master.service("no-such-service"))
                .isInstanceOf(MasterException.NotFound.class)
                .hasMessageContaining("no-such-service");
        assertThatThrownBy(() -> master.node("COMP-NOWHERE"))
                .isInstanceOf(MasterException.NotFound.class)
                .hasMessageContaining("COMP-NOWHERE");
        format("COMP-FULL", 1);
        master.request(plainRequest("fills-it", "COMP-FULL", Map.of()));
        assertThatThrownBy(() -> master.request(plainRequest("no-room", "COMP-FULL", Map.of())))
                .isInstanceOf(MasterException.NotFound.class)
                .hasMessageContaining("could not place 'no-room'")
                .hasMessageContaining("no free partition");
        // slapproxy keeps no access status and hands out no token
        assertThat(master.nodeStatus("COMP-FULL")).isEmpty();
        assertThat(master.nodeToken()).isEmpty();
    }

    private static List<String> iterable(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
