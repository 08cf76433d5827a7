package org.slapdesk.remote.action.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The real agent's {@code om daemon status --format json} (captures: see the fixtures' README). */
class DaemonStatusTest {

    private static DaemonStatus captured(String state) {
        return DaemonStatus.parse(OpenSvcFixtures.resource("agent-daemon-status-" + state + ".json"));
    }

    @Test
    void theClusterOfAServiceUpOnItsNode() {
        ClusterStatus cluster = captured("up").cluster();
        assertThat(cluster.nodes()).containsExactly("sdt2");
        assertThat(cluster.threads())
                .extracting(ClusterStatus.DaemonThread::name)
                .contains("daemon", "listener", "monitor", "scheduler");
        assertThat(cluster.threads()).allMatch(ClusterStatus.DaemonThread::isRunning);
        ClusterStatus.NodeStats node = cluster.nodeStats().get(0);
        assertThat(node.node()).isEqualTo("sdt2");
        assertThat(node.score()).isPresent();
        assertThat(node.memTotalMb()).isPositive();
        ClusterStatus.ServiceSummary comp1 = cluster.service("slapos/svc/comp1").orElseThrow();
        assertThat(comp1.avail()).isEqualTo(Availability.UP);
        assertThat(comp1.orchestrate()).contains("ha");
        assertThat(comp1.upOn()).containsExactly("sdt2");
        assertThat(comp1.upInstances()).isEqualTo("1/1");
        assertThat(comp1.perNode().get("sdt2").leader()).isTrue();
        assertThat(cluster.describe())
                .contains("node sdt2")
                .containsPattern("slapos/svc/comp1 +up +ha 1/1  up on: sdt2");
    }

    @Test
    void aServiceJustCreatedIsFrozenNotProvisionedAndProvisioning() {
        ServiceStatus comp1 =
                captured("provisioning").service("slapos/svc/comp1").orElseThrow();
        assertThat(comp1.avail()).isEqualTo(Availability.DOWN);
        assertThat(comp1.notices()).containsExactly("frozen");
        ServiceStatus.Instance instance = comp1.instance("sdt2").orElseThrow();
        assertThat(instance.notices()).containsExactly("frozen", "not provisioned", "provisioning", ">provisioned");
        assertThat(instance.resources())
                .extracting(ServiceStatus.Resource::id)
                .containsExactlyInAnyOrder("fs#flag", "app#sleeper");
        ServiceStatus.Resource app = instance.resources().stream()
                .filter(r -> r.id().equals("app#sleeper"))
                .findFirst()
                .orElseThrow();
        assertThat(app.state()).isEqualTo(Availability.NOT_APPLICABLE);
        assertThat(app.type()).isEqualTo("app.simple");
        assertThat(app.log()).containsExactly("info: not evaluated (instance not up)");
        ServiceStatus.Resource flag = instance.resources().stream()
                .filter(r -> r.id().equals("fs#flag"))
                .findFirst()
                .orElseThrow();
        assertThat(flag.marks()).containsExactly("not provisioned");
        assertThat(comp1.upOn()).isEmpty();
        assertThat(comp1.describe())
                .startsWith("slapos/svc/comp1 down (frozen)\n  sdt2 down (frozen, not provisioned, provisioning,"
                        + " >provisioned)\n")
                .contains("[info: not evaluated (instance not up)]");
    }

    @Test
    void upThenStopped() {
        ServiceStatus up = captured("up").service("slapos/svc/comp1").orElseThrow();
        assertThat(up.upOn()).containsExactly("sdt2");
        assertThat(up.instance("sdt2").orElseThrow().notices()).containsExactly("idle");
        assertThat(up.instance("sdt2").orElseThrow().resources())
                .allMatch(r -> r.state() == Availability.UP && r.marks().isEmpty());

        ServiceStatus stopped = captured("stopped").service("slapos/svc/comp1").orElseThrow();
        assertThat(stopped.avail()).isEqualTo(Availability.DOWN);
        assertThat(stopped.upOn()).isEmpty();
        assertThat(stopped.instance("sdt2").orElseThrow().notices()).containsExactly("frozen", "idle");
    }

    @Test
    void anUnknownPathHasNoStatusAndNonJsonIsRefused() {
        assertThat(captured("up").service("slapos/svc/nope")).isEmpty();
        assertThatThrownBy(() -> DaemonStatus.parse("Threads  sdt2\n daemon running"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> DaemonStatus.parse("{\"cluster\": {}}")).hasMessageContaining("no \"monitor\" object");
    }

    @Test
    void aSecondNodeDerivedFromTheCaptureReadsAsTwoInstances() {
        DaemonStatus two = DaemonStatus.parse(OpenSvcFixtures.twoNodesUpOn("sdt3"));
        assertThat(two.service("slapos/svc/comp1").orElseThrow().upOn()).containsExactly("sdt3");
        assertThat(two.cluster().service("slapos/svc/comp1").orElseThrow().upInstances())
                .isEqualTo("1/2");
    }
}
