package org.slapdesk.remote.action.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.PlanFailedException;
import org.slapdesk.remote.action.PlanRunner;
import org.slapdesk.remote.action.ProgressListener;
import org.slapdesk.remote.action.ha.OpenSvcAction.Operation;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.testing.OnTestHost;

/**
 * start / switch / stop through a real SSH session against a scripted {@code om} on the test
 * host's PATH: it records its arguments one by one and replays the real agent's JSON (see the
 * fixtures' README) for the state the previous commands left (up on sdt2, up on sdt3, or stopped).
 */
class OpenSvcActionTest extends OnTestHost {

    private static final ServicePath COMP1 = ServicePath.parse("slapos/svc/comp1");
    private static final String FAKE = "/var/lib/fake-om";
    private static final String OM =
            """
            #!/bin/sh
            d=/var/lib/fake-om
            for a in "$@"; do printf '[%s]' "$a"; done >> $d/calls; echo >> $d/calls
            state=$(cat $d/state)
            case "$*" in
              "daemon status --format json") cat $d/daemon.$state ;;
              "slapos/svc/comp1 print status -r --format json") echo '{}' ;;
              "slapos/svc/comp1 start") echo sdt2 > $d/state; echo "@ sdt2 slapos/svc/comp1 start" ;;
              "slapos/svc/comp1 stop") echo down > $d/state ;;
              "slapos/svc/comp1 switch") if [ "$state" = sdt2 ]; then echo sdt3; else echo sdt2; fi > $d/state ;;
              "slapos/svc/nope print status -r --format json") echo "no match" >&2; exit 1 ;;
              *) echo "om: unknown command: $*" >&2; exit 1 ;;
            esac
            """;

    @BeforeEach
    void fakeOm() {
        host.sh("rm -rf " + FAKE + " /usr/local/bin/om; mkdir -p " + FAKE + " && echo sdt2 > " + FAKE + "/state");
        host.writeFile(FAKE + "/daemon.sdt2", OpenSvcFixtures.twoNodesUpOn("sdt2"));
        host.writeFile(FAKE + "/daemon.sdt3", OpenSvcFixtures.twoNodesUpOn("sdt3"));
        host.writeFile(FAKE + "/daemon.down", OpenSvcFixtures.resource("agent-daemon-status-stopped.json"));
    }

    private void installOm() {
        host.writeFile("/usr/local/bin/om", OM);
        host.sh("chmod 755 /usr/local/bin/om");
    }

    private String calls() {
        return host.sh("cat " + FAKE + "/calls 2>/dev/null || true");
    }

    private void apply(OpenSvcAction action, Plan plan) throws NodeException {
        new PlanRunner(node).apply(action, plan, ProgressListener.NONE, CancellationToken.none());
    }

    @Test
    void readsTheClusterAndTheServiceOverSsh() throws Exception {
        installOm();
        ClusterStatus mon = OpenSvc.standard().monitor(node);
        assertThat(mon.service("slapos/svc/comp1").orElseThrow().upOn()).containsExactly("sdt2");
        ServiceStatus status = OpenSvc.standard().status(node, COMP1, true);
        assertThat(status.instance("sdt3").orElseThrow().resources()).hasSize(2);
        assertThat(calls())
                .isEqualTo("[daemon][status][--format][json]\n"
                        + "[slapos/svc/comp1][print][status][-r][--format][json]\n"
                        + "[daemon][status][--format][json]\n");
    }

    @Test
    void switchMovesTheServiceAndVerifiesItOnTheOtherNode() throws Exception {
        installOm();
        OpenSvcAction action = new OpenSvcAction(OpenSvc.standard(), COMP1, Operation.SWITCH, Duration.ofSeconds(10));
        Plan plan = action.plan(node);
        assertThat(plan.preview())
                .contains("$ 'om' 'slapos/svc/comp1' 'switch'")
                .contains("slapos/svc/comp1 is up on sdt2")
                .contains("a second switch moves it back");
        apply(action, plan);
        assertThat(calls())
                .isEqualTo("[daemon][status][--format][json]\n[slapos/svc/comp1][switch]\n"
                        + "[slapos/svc/comp1][print][status][-r][--format][json]\n"
                        + "[daemon][status][--format][json]\n");
        assertThat(OpenSvc.standard().status(node, COMP1, false).upOn()).containsExactly("sdt3");
    }

    @Test
    void stopThenStartAndNothingToDoWhenAlreadyThere() throws Exception {
        installOm();
        OpenSvcAction start = new OpenSvcAction(OpenSvc.standard(), COMP1, Operation.START, Duration.ofSeconds(10));
        assertThat(start.plan(node).isEmpty()).isTrue();

        OpenSvcAction stop = new OpenSvcAction(OpenSvc.standard(), COMP1, Operation.STOP, Duration.ofSeconds(10));
        apply(stop, stop.plan(node));
        assertThat(host.sh("cat " + FAKE + "/state")).isEqualTo("down\n");
        assertThat(stop.plan(node).isEmpty()).isTrue();
        assertThatThrownBy(
                        () -> new OpenSvcAction(OpenSvc.standard(), COMP1, Operation.SWITCH, Duration.ZERO).plan(node))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("nothing to switch");

        Plan plan = start.plan(node);
        assertThat(plan.preview()).contains("$ 'om' 'slapos/svc/comp1' 'start'").contains("is down");
        apply(start, plan);
        assertThat(OpenSvc.standard().status(node, COMP1, true).upOn()).containsExactly("sdt2");
        assertThat(calls()).contains("[slapos/svc/comp1][stop]\n").contains("[slapos/svc/comp1][start]\n");
    }

    @Test
    void aStartThatDoesNotComeUpFailsVerification() throws Exception {
        installOm();
        host.sh("echo down > " + FAKE + "/state");
        // this om accepts the start but the service stays down
        host.sh(
                "sed -i 's/\"slapos\\/svc\\/comp1 start\") echo sdt2 > $d\\/state;/\"slapos\\/svc\\/comp1 start\")/' /usr/local/bin/om");
        OpenSvcAction start = new OpenSvcAction(OpenSvc.standard(), COMP1, Operation.START, Duration.ofSeconds(3));
        Plan plan = start.plan(node);
        assertThatThrownBy(() -> apply(start, plan))
                .isInstanceOf(PlanFailedException.class)
                .hasMessageContaining("slapos/svc/comp1 is down after the start");
    }

    /**
     * The switch is only queued by the agent ("defer target state set to placed@..."), so the
     * first reads still show the service where it was and verify has to wait for it elsewhere.
     */
    @Test
    void switchWaitsUntilTheStatusShowsTheServiceOnTheOtherNode() throws Exception {
        String[] sequence = {
            OpenSvcFixtures.twoNodesUpOn("sdt2"),
            OpenSvcFixtures.twoNodesUpOn("sdt2"),
            OpenSvcFixtures.twoNodesUpOn("sdt2"),
            OpenSvcFixtures.twoNodesUpOn("sdt3")
        };
        for (int i = 0; i < sequence.length; i++) {
            host.writeFile(FAKE + "/seq." + (i + 1), sequence[i]);
        }
        host.writeFile(
                "/usr/local/bin/om",
                """
                #!/bin/sh
                d=/var/lib/fake-om
                for a in "$@"; do printf '[%s]' "$a"; done >> $d/calls; echo >> $d/calls
                case "$*" in
                  "daemon status --format json")
                    n=$(($(cat $d/n 2>/dev/null || echo 0) + 1)); [ -f $d/seq.$n ] || n=$((n - 1)); echo $n > $d/n
                    cat $d/seq.$n ;;
                  "slapos/svc/comp1 print status -r --format json") echo '{}' ;;
                  "slapos/svc/comp1 switch") printf '@ n:sdt2 o:slapos/svc/comp1 sc:n\n  slapos/svc/comp1 defer target state set to placed@sdt3\n' ;;
                  *) echo "om: unknown command: $*" >&2; exit 1 ;;
                esac
                """);
        host.sh("chmod 755 /usr/local/bin/om");
        OpenSvcAction action = new OpenSvcAction(OpenSvc.standard(), COMP1, Operation.SWITCH, Duration.ofSeconds(30));
        Plan plan = action.plan(node);
        assertThat(plan.preview()).contains("slapos/svc/comp1 is up on sdt2");
        apply(action, plan);
        assertThat(calls())
                .isEqualTo("[daemon][status][--format][json]\n[slapos/svc/comp1][switch]\n"
                        + "[slapos/svc/comp1][print][status][-r][--format][json]\n[daemon][status][--format][json]\n"
                                .repeat(3));
    }

    /** What the real agent (2.1) answers, on stderr with exit code 1, for a path it does not know. */
    @Test
    void anUnknownServiceIsToldSo() {
        installOm();
        ServicePath nope = ServicePath.parse("slapos/svc/nope");
        assertThatThrownBy(() -> new OpenSvcAction(OpenSvc.standard(), nope, Operation.STOP, Duration.ZERO).plan(node))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("slapos/svc/nope is not an object of the OpenSVC cluster")
                .hasMessageContaining("`om daemon status` lists its services");
    }

    @Test
    void aNodeWithoutOpenSvcIsToldSo() {
        assertThatThrownBy(
                        () -> new OpenSvcAction(OpenSvc.standard(), COMP1, Operation.START, Duration.ZERO).plan(node))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("om command is not installed")
                .hasMessageContaining("install OpenSVC on the cluster's nodes first")
                .hasMessageNotContaining("seed");
    }
}
