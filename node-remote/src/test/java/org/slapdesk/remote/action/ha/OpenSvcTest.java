package org.slapdesk.remote.action.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.PlanRunner;
import org.slapdesk.remote.action.ProgressListener;
import org.slapdesk.remote.action.ha.OpenSvcAction.Operation;
import org.slapdesk.remote.ssh.CancelToken;
import org.slapdesk.remote.testing.OnTestHost;

/**
 * Parsing on the seed's own text; command construction and verification against a stand-in
 * `om` on a test host's PATH (no OpenSVC cluster can run here).
 */
class OpenSvcTest extends OnTestHost {

    private static String resource(String name) throws IOException {
        try (InputStream in = OpenSvcTest.class.getResourceAsStream("/opensvc/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @BeforeAll
    void fakeOm() throws IOException {
        host.writeFile("/usr/local/bin/om", resource("fake-om"));
        host.sh("chmod 755 /usr/local/bin/om");
    }

    @Test
    void parsesOmMonAsPrintedInTheSeed() throws IOException {
        ClusterMonitor mon = ClusterMonitor.parse(resource("om-mon-seed001.txt"));
        assertThat(mon.nodes()).containsExactly("demo1", "demo2");
        assertThat(mon.threads()).containsEntry("daemon", "running").containsEntry("hb#1.rx", "running")
                .containsEntry("listener", "running").containsEntry("scheduler", "running");
        assertThat(mon.services()).hasSize(1);
        ClusterMonitor.Service comp1 = mon.service("slapos/svc/comp1").orElseThrow();
        assertThat(comp1.availability()).isEqualTo("up");
        assertThat(comp1.topology()).isEqualTo("ha");
        assertThat(comp1.instances()).isEqualTo("1/1");
        assertThat(comp1.nodeStates()).containsEntry("demo1", "O^").containsEntry("demo2", "S");
        assertThat(comp1.runningOn()).contains("demo1");
    }

    @Test
    void parsesPrintStatusAsPrintedInTheSeed() throws IOException {
        ServiceStatus status = ServiceStatus.parse(resource("print-status-seed001.txt"));
        assertThat(status.path()).isEqualTo("slapos/svc/comp1");
        assertThat(status.overall()).isEqualTo("up");
        assertThat(status.instances()).containsExactly(
                new ServiceStatus.Instance("demo2", true, "up", "idle"),
                new ServiceStatus.Instance("demo1", false, "up", "idle, started"));
        assertThat(status.activeNode()).contains("demo1");
        assertThat(status.resources()).extracting(ServiceStatus.Resource::id).contains("volume#0", "disk#0", "disk#3",
                "fs#0", "fs#flag", "fs#5", "app#0", "app#1", "sync#i0", "task#addpart", "task#software");
        ServiceStatus.Resource disk0 = status.resources().stream().filter(r -> r.id().equals("disk#0")).findFirst().orElseThrow();
        assertThat(disk0.flags()).isEqualTo("......S.");
        assertThat(disk0.standby()).isTrue();
        assertThat(disk0.status()).isEqualTo("up");
        assertThat(disk0.description()).isEqualTo("loop /opt/comp1.slapos.svc.hyperopenx.img");
        ServiceStatus.Resource app0 = status.resources().stream().filter(r -> r.id().equals("app#0")).findFirst().orElseThrow();
        assertThat(app0.description()).isEqualTo("forking: re6st");
    }

    @Test
    void stopStartAndSwitchRunTheOmCommandsAndAreVerified() throws Exception {
        OpenSvcAction stop = new OpenSvcAction("slapos/svc/comp1", Operation.STOP);
        assertThat(stop.plan(node).preview()).contains("$ 'om' 'slapos/svc/comp1' 'stop'");
        new PlanRunner(node).apply(stop, stop.plan(node), ProgressListener.NONE, CancelToken.none());
        assertThat(OpenSvcAction.monitor(node).service("slapos/svc/comp1").orElseThrow().availability()).isEqualTo("down");
        assertThat(stop.plan(node).isEmpty()).isTrue();

        OpenSvcAction start = new OpenSvcAction("slapos/svc/comp1", Operation.START);
        new PlanRunner(node).apply(start, start.plan(node), ProgressListener.NONE, CancelToken.none());
        assertThat(OpenSvcAction.status(node, "slapos/svc/comp1").overall()).isEqualTo("up");

        OpenSvcAction move = new OpenSvcAction("slapos/svc/comp1", Operation.SWITCH);
        new PlanRunner(node).apply(move, move.plan(node), ProgressListener.NONE, CancelToken.none());
        assertThat(OpenSvcAction.status(node, "slapos/svc/comp1").activeNode()).contains("demo2");
        assertThat(OpenSvcAction.monitor(node).service("slapos/svc/comp1").orElseThrow().runningOn()).contains("demo2");
        assertThat(host.sh("grep -v 'print status\\|^mon$' /var/lib/fakeom/calls"))
                .isEqualTo("slapos/svc/comp1 stop\nslapos/svc/comp1 start\nslapos/svc/comp1 switch\n");
    }

    @Test
    void aBadServiceNameIsRefused() {
        assertThatThrownBy(() -> new OpenSvcAction("slapos/svc/comp1; reboot", Operation.STOP))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("service path");
    }
}
