package org.slapdesk.core.master;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.model.ComputeNodeDetail;
import org.slapdesk.core.model.InstanceRequest;
import org.slapdesk.core.model.InstanceTree;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.model.SoftwareInstance;
import org.slapdesk.core.wire.SlapObject;

/**
 * A shared instance and connection parameters against a real slapproxy of its own: slapproxy's
 * HATEOAS looks a shared instance's host up by partition reference alone, so with a second node
 * that also has a {@code slappart0} its {@code service list} fails with HTTP 500 (a slapproxy
 * bug, also hit by the real client); one node per proxy here.
 */
class SlapproxySharedInstanceTest extends SlapproxyTestBase {

    @Test
    void sharedInstanceIsHostedAndConnectionParametersComeFromTheNodeSide() throws Exception {
        format("COMP-SHR", 2);
        SoftwareInstance host = master.request(plainRequest("host-service", "COMP-SHR", Map.of("role", "frontend")));
        String hostPartition = host.partitionReference().orElseThrow();
        InstanceRequest sharedRequest = new InstanceRequest(
                "shared-service",
                release,
                "default",
                Map.of("backend", "http://[2001:db8::1]/"),
                false,
                Map.of("computer_guid", "COMP-SHR"),
                true,
                RequestedState.STARTED);

        SoftwareInstance shared = master.request(sharedRequest);
        assertThat(shared.shared()).isTrue();
        assertThat(shared.partitionReference()).contains(hostPartition);

        JsonNode info = cliJson("service", "info", "shared-service");
        assertThat(info.path("shared").asBoolean()).isTrue();
        assertThat(info.path("instance-parameters").path("backend").asText()).isEqualTo("http://[2001:db8::1]/");
        assertThat(show("--slaves").stdout()).contains("_shared-service").contains(hostPartition);

        // the node publishes connection parameters for the host and for the shared instance
        SlapEndpoint.PartitionId partition = new SlapEndpoint.PartitionId("COMP-SHR", hostPartition);
        SlapObject registered = master.slap().registerComputerPartition("COMP-SHR", hostPartition);
        assertThat(registered.stateMap().get("_requested_state")).isEqualTo("started");
        master.slap()
                .setComputerPartitionConnectionXml(
                        partition, Map.of("url", "https://host.example/", "password", "s3&cret"), Optional.empty());
        master.slap()
                .setComputerPartitionConnectionXml(
                        partition, Map.of("frontend-url", "https://shared.example/"), Optional.of("_shared-service"));

        assertThat(master.connectionParameters("host-service"))
                .isEqualTo(Map.of("url", "https://host.example/", "password", "s3&cret"));
        assertThat(master.connectionParameters("shared-service"))
                .isEqualTo(Map.of("frontend-url", "https://shared.example/"));
        assertThat(json.convertValue(
                        cliJson("service", "info", "host-service").path("connection-parameters"), Map.class))
                .isEqualTo(Map.of("url", "https://host.example/", "password", "s3&cret"));
        assertThat(json.convertValue(
                        cliJson("service", "info", "shared-service").path("connection-parameters"), Map.class))
                .isEqualTo(Map.of("frontend-url", "https://shared.example/"));

        // the host's slave_instance_list as the node sees it
        ComputeNodeDetail detail = master.node("COMP-SHR");
        assertThat(detail.partitions())
                .filteredOn(p -> p.reference().equals(hostPartition))
                .singleElement()
                .satisfies(p -> assertThat(p.instanceTitle()).contains("host-service"));
        assertThat(master.jsonRpc()
                        .hostedInstanceList(master.service("host-service")
                                .instances()
                                .get(0)
                                .instanceGuid()
                                .orElseThrow()))
                .extracting(row -> row.path("title").asText())
                .containsExactly("shared-service");
        assertThat(master.services())
                .extracting(InstanceTree::title)
                .containsExactlyInAnyOrder("host-service", "shared-service");
        assertThat(cliJson("service", "list").has("shared-service")).isTrue();
    }
}
