package org.slapdesk.core.master;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.model.ComputeNodeDetail;
import org.slapdesk.core.model.InstanceRequest;
import org.slapdesk.core.model.InstanceTree;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.model.SoftwareInstance;
import org.slapdesk.core.wire.SlapObject;
import org.slapdesk.testlab.ProcessResult;
import org.slapdesk.testlab.RealSlapproxy;

/**
 * A shared instance and connection parameters against a real slapproxy of its own: slapproxy's
 * HATEOAS looks a shared instance's host up by partition reference alone, so with a second node
 * that also has a {@code slappart0} its {@code service list} fails with HTTP 500 (a slapproxy
 * bug, also hit by the real client); one node per proxy here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlapproxySharedInstanceTest {

    private final ObjectMapper json = new ObjectMapper();
    private RealSlapproxy proxy;
    private SlapMaster master;
    private String release;

    @BeforeAll
    void startProxy(@TempDir Path folder) throws Exception {
        proxy = RealSlapproxy.start(folder.resolve("proxy"));
        release = folder.resolve("software/software.cfg").toString();
        master = SlapMaster.open(MasterProfile.plain("proxy", proxy.url()).withRestUrl(URI.create(proxy.restUrl())),
                ClientOptions.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30)));
    }

    @AfterAll
    void stopProxy() {
        if (master != null) {
            master.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    private void format(String node, int partitions) throws MasterException {
        assertThat(master.slap().loadComputerConfigurationFromXml(NodeConfigurations.withPartitions(node, partitions)))
                .isEqualTo("done");
    }

    private JsonNode cliJson(String... args) throws IOException {
        ProcessResult result = proxy.slapos(args);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        return json.readTree(result.stdout());
    }

    private ProcessResult show(String... flags) {
        ProcessResult result = proxy.show(flags);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        return result;
    }

    private InstanceRequest plainRequest(String title, String node, Map<String, Object> parameters) {
        return new InstanceRequest(title, release, "default", parameters, false,
                Map.of("computer_guid", node), false, RequestedState.STARTED);
    }

    @Test
    void sharedInstanceIsHostedAndConnectionParametersComeFromTheNodeSide() throws Exception {
        format("COMP-SHR", 2);
        SoftwareInstance host = master.request(plainRequest("host-service", "COMP-SHR", Map.of("role", "frontend")));
        String hostPartition = host.partitionReference().orElseThrow();
        InstanceRequest sharedRequest = new InstanceRequest("shared-service", release, "default",
                Map.of("backend", "http://[2001:db8::1]/"), false, Map.of("computer_guid", "COMP-SHR"), true, RequestedState.STARTED);

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
        master.slap().setComputerPartitionConnectionXml(partition, Map.of("url", "https://host.example/", "password", "s3&cret"), Optional.empty());
        master.slap().setComputerPartitionConnectionXml(partition, Map.of("frontend-url", "https://shared.example/"),
                Optional.of("_shared-service"));

        assertThat(master.connectionParameters("host-service"))
                .isEqualTo(Map.of("url", "https://host.example/", "password", "s3&cret"));
        assertThat(master.connectionParameters("shared-service")).isEqualTo(Map.of("frontend-url", "https://shared.example/"));
        assertThat(json.convertValue(cliJson("service", "info", "host-service").path("connection-parameters"), Map.class))
                .isEqualTo(Map.of("url", "https://host.example/", "password", "s3&cret"));
        assertThat(json.convertValue(cliJson("service", "info", "shared-service").path("connection-parameters"), Map.class))
                .isEqualTo(Map.of("frontend-url", "https://shared.example/"));

        // the host's slave_instance_list as the node sees it
        ComputeNodeDetail detail = master.node("COMP-SHR");
        assertThat(detail.partitions()).filteredOn(p -> p.reference().equals(hostPartition)).singleElement()
                .satisfies(p -> assertThat(p.instanceTitle()).contains("host-service"));
        assertThat(master.jsonRpc().hostedInstanceList(master.service("host-service").instances().get(0).instanceGuid().orElseThrow()))
                .extracting(row -> row.path("title").asText()).containsExactly("shared-service");
        assertThat(master.services()).extracting(InstanceTree::title).containsExactlyInAnyOrder("host-service", "shared-service");
        assertThat(cliJson("service", "list").has("shared-service")).isTrue();
    }
}
