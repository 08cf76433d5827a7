package org.slapdesk.remote.action.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slapdesk.remote.action.ha.OpenSvcParsingTest.resource;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slapdesk.remote.action.ha.ClusterStatus.DaemonThread;
import org.slapdesk.remote.action.ha.ClusterStatus.InstanceCell;
import org.slapdesk.remote.action.ha.ClusterStatus.ServiceSummary;
import org.slapdesk.remote.action.ha.ServiceStatus.Instance;
import org.slapdesk.remote.action.ha.ServiceStatus.Resource;

/**
 * What the real OpenSVC 2.1 agent printed on a 2-node cluster of test hosts (sdt1, sdt2), read
 * as an operator reads it: where the service is up, each node's state, the resources and their
 * log lines. The files and how they were captured: the README beside them.
 */
class OpenSvcAgentOutputTest {

    private static ClusterStatus mon(String file) {
        return MonParser.parse(resource(file));
    }

    private static ServiceStatus status(String file) {
        return StatusParser.parse(resource(file));
    }

    private static List<String> ids(Instance instance) {
        return instance.resources().stream().map(Resource::id).toList();
    }

    @Test
    void aServiceJustCreatedIsDownFrozenAndNotProvisioned() {
        ClusterStatus mon = mon("agent-mon-1node-unprovisioned.txt");
        assertThat(mon.nodes()).containsExactly("sdt1");
        assertThat(mon.threads())
                .extracting(DaemonThread::name)
                .containsExactly("daemon", "listener", "monitor", "scheduler");
        assertThat(mon.threads()).allMatch(DaemonThread::isRunning);
        assertThat(mon.threads().get(1).config()).isEqualTo(":1214");
        assertThat(mon.nodeStats().get(0).score()).contains(64);
        assertThat(mon.nodeStats().get(0).mem()).isEqualTo("7/98%:23.5g");
        ServiceSummary comp1 = mon.service("slapos/svc/comp1").orElseThrow();
        assertThat(comp1.avail()).isEqualTo(Availability.DOWN);
        assertThat(comp1.upInstances()).isEqualTo("0/1");
        InstanceCell cell = comp1.perNode().get("sdt1");
        assertThat(cell.raw()).isEqualTo("X*P");
        assertThat(cell.frozen()).isTrue();
        assertThat(cell.unprovisioned()).isTrue();
        assertThat(cell.leader()).isFalse();
        assertThat(comp1.upOn()).isEmpty();

        ServiceStatus status = status("agent-status-1node-unprovisioned.txt");
        assertThat(status.avail()).isEqualTo(Availability.DOWN);
        Instance sdt1 = status.instance("sdt1").orElseThrow();
        // "frozen, not provisioned," then "idle" on the next line: the agent wrapped the notices
        assertThat(sdt1.notices()).containsExactly("frozen", "not provisioned", "idle");
        assertThat(ids(sdt1)).containsExactly("fs#flag", "app#0");
        Resource flag = sdt1.resources().get(0);
        assertThat(flag.unprovisioned()).isTrue();
        assertThat(flag.state()).isEqualTo(Availability.DOWN);
        assertThat(flag.description()).isEqualTo("fs.flag");
        Resource app = sdt1.resources().get(1);
        assertThat(app.state()).isEqualTo(Availability.NOT_APPLICABLE);
        assertThat(app.description()).isEqualTo("simple: sleep");
        assertThat(app.log()).containsExactly("info: not evaluated (instance not up)");
    }

    @Test
    void aStartedServiceIsUpOnItsNode() {
        ServiceSummary comp1 =
                mon("agent-mon-1node-up.txt").service("slapos/svc/comp1").orElseThrow();
        assertThat(comp1.avail()).isEqualTo(Availability.UP);
        assertThat(comp1.upInstances()).isEqualTo("1/1");
        assertThat(comp1.perNode().get("sdt1").leader()).isTrue();
        assertThat(comp1.upOn()).containsExactly("sdt1");

        ServiceStatus status = status("agent-status-1node-up.txt");
        assertThat(status.upOn()).containsExactly("sdt1");
        assertThat(status.notices()).isEmpty();
        assertThat(status.instance("sdt1").orElseThrow().notices()).containsExactly("idle", "started");
        assertThat(status.instance("sdt1").orElseThrow().resources())
                .allMatch(r -> r.state() == Availability.UP && r.log().isEmpty());
    }

    @Test
    void onATerminalTheColoursAndCarriageReturnsGoAndTheSameStatusIsRead() {
        String tty = resource("agent-status-1node-up-tty.txt");
        assertThat(tty).contains("\u001B[").contains("\r\n");
        assertThat(StatusParser.parse(OpenSvc.plain(tty))).isEqualTo(status("agent-status-1node-up.txt"));
    }

    @Test
    void aSecondNodeNotProvisionedYet() {
        ClusterStatus mon = mon("agent-mon-2node-unprovisioned.txt");
        assertThat(mon.nodes()).containsExactly("sdt1", "sdt2");
        DaemonThread rx = mon.threads().get(1);
        assertThat(rx.name()).isEqualTo("hb#1.rx");
        assertThat(rx.config()).isEqualTo("[::]:10000");
        assertThat(rx.perNode()).isEqualTo(Map.of("sdt1", "/", "sdt2", "O"));
        ServiceSummary comp1 = mon.service("slapos/svc/comp1").orElseThrow();
        assertThat(comp1.avail()).isEqualTo(Availability.UP);
        assertThat(comp1.warn()).isTrue();
        assertThat(comp1.nonOptimalPlacement()).isFalse();
        assertThat(comp1.perNode().get("sdt1").warn()).isTrue();
        InstanceCell sdt2 = comp1.perNode().get("sdt2");
        assertThat(sdt2.avail()).isEqualTo(Availability.DOWN);
        assertThat(sdt2.warn()).isTrue();
        assertThat(sdt2.frozen()).isTrue();
        assertThat(sdt2.unprovisioned()).isTrue();
        assertThat(comp1.upOn()).containsExactly("sdt1");

        ServiceStatus status = status("agent-status-2node-unprovisioned-on-sdt2.txt");
        assertThat(status.avail()).isEqualTo(Availability.UP);
        assertThat(status.notices()).containsExactly("warn");
        assertThat(status.instances()).extracting(Instance::node).containsExactly("sdt1", "sdt2");
        assertThat(status.instance("sdt1").orElseThrow().resources()).isEmpty();
        Instance here = status.instance("sdt2").orElseThrow();
        assertThat(here.notices()).containsExactly("warn", "frozen", "not provisioned", "idle");
        assertThat(ids(here)).containsExactly("fs#flag", "app#0", "app#1", "sync#i0");
        assertThat(here.resources().get(2).standby()).isTrue();
        assertThat(here.resources().get(2).log()).containsExactly("info: not evaluated (instance not up)");
        Resource sync = here.resources().get(3);
        assertThat(sync.optional()).isTrue();
        assertThat(sync.state()).isEqualTo(Availability.WARN);
        assertThat(sync.description()).isEqualTo("rsync svc config to nodes");
        // the log line went on over two lines, under a last child (no tree line before it)
        assertThat(sync.log()).containsExactly("warn: passive node needs update");
        assertThat(status.upOn()).containsExactly("sdt1");
    }

    @Test
    void upOnTheFirstNodeAsTheSecondNodeSeesIt() {
        ServiceSummary comp1 =
                mon("agent-mon-2node-up.txt").service("slapos/svc/comp1").orElseThrow();
        assertThat(comp1.perNode().get("sdt1").raw()).isEqualTo("O!^");
        assertThat(comp1.perNode().get("sdt2").raw()).isEqualTo("X!");
        assertThat(comp1.upOn()).containsExactly("sdt1");

        ServiceStatus status = status("agent-status-2node-up-on-sdt2.txt");
        assertThat(status.upOn()).containsExactly("sdt1");
        Instance sdt2 = status.instance("sdt2").orElseThrow();
        assertThat(sdt2.avail()).isEqualTo(Availability.DOWN);
        assertThat(sdt2.notices()).containsExactly("warn", "idle");
        assertThat(sdt2.resources())
                .extracting(Resource::description)
                .containsExactly("fs.flag", "simple: sleep", "simple: sleep", "rsync svc config to nodes");
        assertThat(sdt2.resources().get(3).log()).containsExactly("warn: passive node needs update");
    }

    @Test
    void duringASwitchTheCellsShowTheMonitorStateAndTheExpectation() {
        ClusterStatus mon = mon("agent-mon-switching.txt");
        assertThat(mon.threads())
                .extracting(DaemonThread::name)
                .containsExactly("daemon", "hb#1.rx", "hb#1.tx", "listener", "monitor", "scheduler");
        assertThat(mon.threads().get(4).config()).isEqualTo("1 transition");
        ServiceSummary comp1 = mon.service("slapos/svc/comp1").orElseThrow();
        assertThat(comp1.avail()).isEqualTo(Availability.DOWN);
        InstanceCell leaving = comp1.perNode().get("sdt1");
        assertThat(leaving.avail()).isEqualTo(Availability.DOWN);
        assertThat(leaving.leader()).isTrue();
        assertThat(leaving.monitor()).contains("stopping");
        InstanceCell coming = comp1.perNode().get("sdt2");
        assertThat(coming.avail()).isEqualTo(Availability.DOWN);
        assertThat(coming.globalExpect()).contains("placed@");
        assertThat(coming.monitor()).isEmpty();

        ServiceStatus status = status("agent-status-switching-on-sdt1.txt");
        assertThat(status.notices()).containsExactly("warn", "non-optimal placement");
        // ">placed@sdt2" wrapped to the next line, behind the instances' tree line
        assertThat(status.instance("sdt2").orElseThrow().notices())
                .containsExactly("warn", "idle", "started", ">placed@sdt2");
        assertThat(status.instance("sdt1").orElseThrow().notices()).containsExactly("idle");
        assertThat(ids(status.instance("sdt1").orElseThrow())).containsExactly("fs#flag", "app#0", "app#1", "sync#i0");
        assertThat(status.upOn()).containsExactly("sdt2");
    }

    @Test
    void afterASwitchTheServiceIsUpOnTheOtherNodeAwayFromItsLeader() {
        ServiceSummary comp1 =
                mon("agent-mon-switched.txt").service("slapos/svc/comp1").orElseThrow();
        assertThat(comp1.avail()).isEqualTo(Availability.UP);
        assertThat(comp1.nonOptimalPlacement()).isTrue();
        assertThat(comp1.perNode().get("sdt1").raw()).isEqualTo("X!^");
        assertThat(comp1.upOn()).containsExactly("sdt2");

        ServiceStatus status = status("agent-status-switched-on-sdt2.txt");
        assertThat(status.upOn()).containsExactly("sdt2");
        Instance sdt2 = status.instance("sdt2").orElseThrow();
        assertThat(sdt2.notices()).containsExactly("warn", "idle", "started");
        assertThat(sdt2.resources())
                .extracting(Resource::state)
                .containsExactly(Availability.UP, Availability.UP, Availability.STANDBY_UP, Availability.DOWN);
        assertThat(sdt2.resources().get(3).log()).containsExactly("warn: sdt1 need update");
    }

    @Test
    void aStoppedServiceIsDownAndFrozenEverywhere() {
        ServiceSummary comp1 =
                mon("agent-mon-stopped.txt").service("slapos/svc/comp1").orElseThrow();
        assertThat(comp1.avail()).isEqualTo(Availability.DOWN);
        assertThat(comp1.upInstances()).isEqualTo("0/1");
        assertThat(comp1.perNode().values()).allMatch(c -> c.avail() == Availability.DOWN && c.frozen());
        assertThat(comp1.upOn()).isEmpty();

        ServiceStatus status = status("agent-status-stopped-on-sdt2.txt");
        assertThat(status.avail()).isEqualTo(Availability.DOWN);
        assertThat(status.instances())
                .allMatch(i -> i.avail() == Availability.DOWN && i.notices().equals(List.of("frozen", "idle")));
        assertThat(status.upOn()).isEmpty();
    }

    @Test
    void aNodeOutsideAServicesScopeHasABlankCellNotTheNextNodesCell() {
        ClusterStatus mon = mon("agent-mon-two-services.txt");
        ServiceSummary comp2 = mon.service("slapos/svc/comp2").orElseThrow();
        assertThat(comp2.perNode()).containsOnlyKeys("sdt2");
        assertThat(comp2.perNode().get("sdt2").leader()).isTrue();
        assertThat(comp2.upOn()).containsExactly("sdt2");
        assertThat(mon.service("slapos/svc/comp1").orElseThrow().upOn()).containsExactly("sdt2");

        ServiceStatus status = status("agent-status-outside-scope-on-sdt1.txt");
        assertThat(status.instances()).extracting(Instance::node).containsExactly("sdt2");
        assertThat(status.instance("sdt2").orElseThrow().resources()).isEmpty();
        assertThat(status.upOn()).containsExactly("sdt2");
    }

    /** Flattened on one line (as seed 001 shows om's output), a table whose cells are all filled reads the same. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "agent-mon-1node-unprovisioned.txt",
                "agent-mon-1node-up.txt",
                "agent-mon-2node-unprovisioned.txt",
                "agent-mon-2node-up.txt",
                "agent-mon-switching.txt",
                "agent-mon-switched.txt",
                "agent-mon-stopped.txt"
            })
    void theFlattenedTextReadsLikeTheTable(String file) {
        String table = resource(file);
        String flat = String.join(" ", table.strip().split("\\s+"));
        assertThat(MonParser.parse(flat)).isEqualTo(MonParser.parse(table));
    }
}
