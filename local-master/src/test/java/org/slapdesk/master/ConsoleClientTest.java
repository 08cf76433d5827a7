package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.master.MasterException;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.SlapMaster;
import org.slapdesk.core.model.ComputeNodeDetail;
import org.slapdesk.core.model.InstanceRequest;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.model.ServiceDetail;
import org.slapdesk.core.model.SoftwareInstance;

/** The console's own client (app-core's SlapMaster, what the GUI embeds) against the local master. */
class ConsoleClientTest {

    static final String SR = "https://lab.example/software/demo/software.cfg";

    @TempDir
    Path dir;

    @Test
    void theConsoleClientDrivesTheLocalMaster() throws Exception {
        try (LocalMaster master = LocalMaster.start(
                dir.resolve("m.sqlite"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            new MasterHttp(master.url()).format("COMP-1", 2);
            SlapMaster client = SlapMaster.open(
                    MasterProfile.plain("local", master.url().toString()).withRestUrl(master.hateoasUrl()));
            try {
                assertThat(client.nodes()).extracting(n -> n.reference()).containsExactly("COMP-1");
                client.node("COMP-1");
                assertThat(client.nodeStatus("COMP-1"))
                        .as("the console reading a node is not the node's contact: still no data")
                        .isEmpty();
                master.service().fullComputerInformation("COMP-1");
                assertThat(client.nodeStatus("COMP-1").orElseThrow().text()).isEqualTo("#access COMP-1");
                client.supply(SR, "COMP-1");
                SoftwareInstance requested = client.request(new InstanceRequest(
                        "svc", SR, "default", Map.of("a", "1"), false, Map.of(), false, RequestedState.STARTED));
                assertThat(requested.title()).isEqualTo("svc");
                master.service().setConnection("COMP-1", "slappart0", Map.of("url", "http://x"), null);
                assertThat(client.connectionParameters("svc")).containsEntry("url", "http://x");
                assertThat(client.services()).extracting(t -> t.title()).containsExactly("svc");
                ServiceDetail detail = client.service("svc");
                assertThat(detail.tree().softwareReleaseUrl()).isEqualTo(SR);
                ComputeNodeDetail node = client.node("COMP-1");
                assertThat(node.partitions()).hasSize(2);
                assertThat(node.software())
                        .extracting(s -> s.softwareReleaseUrl())
                        .containsExactly(SR);
                client.changeState("svc", RequestedState.STOPPED);
                assertThat(master.queries().rootDocument("svc").orElseThrow().get("state"))
                        .isEqualTo("stopped");
                client.remove(SR, "COMP-1");
                assertThat(master.queries()
                                .nodes("COMP-1")
                                .get(0)
                                .installations()
                                .get(0)
                                .requestedState())
                        .isEqualTo("destroyed");
            } finally {
                client.close();
            }
        }
    }

    @Test
    void theTokenButtonOnAMasterWithoutACertificateAuthoritySaysHowToGetOne() throws Exception {
        try (LocalMaster master = LocalMaster.start(
                dir.resolve("m.sqlite"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            SlapMaster client = SlapMaster.open(
                    MasterProfile.plain("local", master.url().toString()).withRestUrl(master.hateoasUrl()));
            try {
                // a token it could not honour (no CA, no node certificate) would only fail later, on the node
                assertThatThrownBy(client::nodeToken)
                        .isInstanceOf(MasterException.class)
                        .hasMessageContaining("no certificate authority")
                        .hasMessageContaining("slapdesk serve ca init");
            } finally {
                client.close();
            }
        }
    }
}
