package org.slapdesk.core.master;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.model.InstanceRequest;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.testlab.ProcessResult;
import org.slapdesk.testlab.RealSlapproxy;

/**
 * A real {@code slapos proxy} per test class with our client on it, and the cross-checks the
 * slapproxy tests share: format a node, run the real {@code slapos} CLI, {@code slapos proxy show}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SlapproxyTestBase {

    protected final ObjectMapper json = new ObjectMapper();
    protected RealSlapproxy proxy;
    protected SlapMaster master;
    protected String release;

    @BeforeAll
    void startProxy(@TempDir Path folder) throws Exception {
        proxy = RealSlapproxy.start(folder.resolve("proxy"));
        // a local path: the slapos CLI looks for <url>.json beside it, and no network is used
        release = folder.resolve("software/software.cfg").toString();
        master = SlapMaster.open(
                MasterProfile.plain("proxy", proxy.url()).withRestUrl(URI.create(proxy.restUrl())),
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

    protected void format(String node, int partitions) throws MasterException {
        assertThat(master.slap().loadComputerConfigurationFromXml(NodeConfigurations.withPartitions(node, partitions)))
                .isEqualTo("done");
    }

    protected JsonNode cliJson(String... args) throws IOException {
        ProcessResult result = proxy.slapos(args);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        return json.readTree(result.stdout());
    }

    protected ProcessResult show(String... flags) {
        ProcessResult result = proxy.show(flags);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        return result;
    }

    protected InstanceRequest plainRequest(String title, String node, Map<String, Object> parameters) {
        return new InstanceRequest(
                title,
                release,
                "default",
                parameters,
                false,
                Map.of("computer_guid", node),
                false,
                RequestedState.STARTED);
    }
}
