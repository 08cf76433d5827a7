package org.slapdesk.remote.action.slapos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.remote.action.ApplyResult;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.PlanRunner;
import org.slapdesk.remote.action.ProgressListener;
import org.slapdesk.remote.testing.OnTestHost;
import org.slapdesk.testlab.ProcessResult;
import org.slapdesk.testlab.RealSlapproxy;
import org.slapdesk.testlab.SlaposVenv;

/**
 * The real `slapos node format --now --alter_user=True` on a test host, posting to a real
 * slapproxy that this machine runs on its side of the test host's link; then repurpose.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FormatActionTest extends OnTestHost {

    @TempDir
    static Path proxyFolder;

    private RealSlapproxy proxy;
    private SlaposNode slapos;

    @BeforeAll
    void proxyAndConfig() {
        SlaposVenv venv = SlaposVenv.require();
        proxy = RealSlapproxy.start(proxyFolder, host.hostSideAddress(), "");
        slapos = new SlaposNode(venv.slapos().toString(), "/etc/opt/slapos/slapos.cfg");
        host.sh("mkdir -p /etc/opt/slapos /opt/slapos");
        host.writeFile(
                "/etc/opt/slapos/slapos.cfg",
                String.join(
                        "\n",
                        "[slapos]",
                        "master_url = " + proxy.url(),
                        "computer_id = " + RealSlapproxy.DEFAULT_COMPUTER,
                        "software_root = /opt/slapgrid",
                        "instance_root = /srv/slapgrid",
                        "",
                        "[slapformat]",
                        "# the test host's own interface",
                        "interface_name = eth0",
                        "ipv4_local_network = 10.0.0.0/16",
                        "partition_amount = 3",
                        "create_tap = false",
                        "computer_xml = /opt/slapos/slapos.xml",
                        "partition_base_name = slappart",
                        "user_base_name = slapuser",
                        "tap_base_name = slaptap",
                        ""));
    }

    @AfterAll
    void stopProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    @Order(1)
    void formatCreatesThePartitionsAndTheProxyKnowsThem() throws Exception {
        FormatAction format = new FormatAction(slapos, true);
        assertThat(format.plan(node).preview())
                .contains("'node' 'format' '--cfg' '/etc/opt/slapos/slapos.cfg' '--now' '--alter_user=True'");
        StringBuilder log = new StringBuilder();
        ApplyResult result = new PlanRunner(node)
                .apply(
                        format,
                        format.plan(node),
                        new ProgressListener() {
                            @Override
                            public void stderr(String line) {
                                log.append(line).append('\n');
                            }

                            @Override
                            public void stdout(String line) {
                                log.append(line).append('\n');
                            }
                        },
                        CancellationToken.none());
        assertThat(result.verification().isOk()).isTrue();
        assertThat(log.toString()).contains("successfully prepared the computer");
        assertThat(host.sh("ls /srv/slapgrid")).contains("slappart0", "slappart1", "slappart2");
        assertThat(host.sh("id -un slapuser2")).isEqualTo("slapuser2\n");
        assertThat(partitionsOnTheProxy())
                .contains("slappart0", "slappart1", "slappart2")
                .doesNotContain("slappart3");
        // the partition addresses are on the test host's eth0, not on this machine
        assertThat(host.sh("ip -6 -o addr show dev eth0 | wc -l").trim()).isNotEqualTo("2");
    }

    @Test
    @Order(2)
    void repurposeRaisesThePartitionCountAndFormats() throws Exception {
        RepurposeAction repurpose = new RepurposeAction(slapos, 5);
        assertThat(repurpose.plan(node).preview())
                .contains("-partition_amount = 3")
                .contains("+partition_amount = 5");
        new PlanRunner(node).apply(repurpose, repurpose.plan(node), ProgressListener.NONE, CancellationToken.none());
        assertThat(host.sh("ls /srv/slapgrid")).contains("slappart3", "slappart4");
        assertThat(partitionsOnTheProxy()).contains("slappart3", "slappart4");
        assertThat(repurpose.plan(node).isEmpty()).isTrue();
    }

    @Test
    @Order(3)
    void repurposeCannotReduceThePartitionCount() {
        assertThatThrownBy(() -> new RepurposeAction(slapos, 2).plan(node))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cannot remove");
    }

    /** The partitions the proxy recorded (its `proxy show --partitions` lists only allocated ones). */
    private String partitionsOnTheProxy() {
        ProcessResult rows = proxy.python(
                "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
                        + " print(sorted(r[0] for r in c.execute(\"select reference from partition17 where computer_reference = ?\","
                        + " ('" + RealSlapproxy.DEFAULT_COMPUTER + "',))))",
                proxy.database().toString());
        assertThat(rows.ok()).as(rows.describe()).isTrue();
        return rows.stdout();
    }
}
