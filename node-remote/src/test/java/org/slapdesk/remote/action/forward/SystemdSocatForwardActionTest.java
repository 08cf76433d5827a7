package org.slapdesk.remote.action.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.slapdesk.remote.action.forward.HttpProbe.eventually;
import static org.slapdesk.remote.action.forward.HttpProbe.get;

import java.io.IOException;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.PlanFailedException;
import org.slapdesk.remote.action.PlanRunner;
import org.slapdesk.remote.action.ProgressListener;
import org.slapdesk.remote.action.Step;
import org.slapdesk.remote.action.forward.SocatForwardAction.Operation;
import org.slapdesk.remote.testing.OnTestHost;
import org.slapdesk.testlab.HostOptions;

/**
 * The socat forward on a node where systemd runs (a testlab host whose pid 1 is systemd): a
 * unit that systemd starts, restarts when socat dies, starts again at boot, and that removal
 * stops, disables and deletes. Proven by HTTP requests from this machine through the forward
 * to a "frontend" (python's http.server) on a partition address inside the host.
 */
class SystemdSocatForwardActionTest extends OnTestHost {

    private static final String UNITS = "/etc/systemd/system";

    @Override
    protected HostOptions hostOptions() {
        return HostOptions.withSystemd();
    }

    @BeforeAll
    void frontend() {
        host.sh(
                "ip addr add 10.0.97.156/32 dev eth0 && mkdir -p /srv/www && echo 'frontend says hello' > /srv/www/index.html");
        host.sh(
                "cd /srv/www && setsid -f python3 -m http.server --bind 10.0.97.156 8080 >/dev/null 2>&1;"
                        + " i=0; until ss -Htln 'sport = :8080' | grep -q 8080 || [ $i -gt 50 ]; do sleep 0.1; i=$((i+1)); done");
    }

    @Test
    void theHostRunsSystemdSoTheActionChoosesAUnit() throws Exception {
        assertThat(SocatForwards.hasSystemd(node)).isTrue();
        assertThat(host.sh("systemctl is-system-running").trim()).isEqualTo("running");
    }

    @Test
    void forwards80To8080AsAnEnabledUnitThatSystemdKeepsRunningAndRemovesItAgain() throws Exception {
        Forward forward = Forward.of(80, "10.0.97.156", 8080);
        SocatForwardAction add = new SocatForwardAction(Operation.ADD, forward);
        Plan plan = add.plan(node);
        assertThat(plan.steps()).hasSize(2);
        assertThat(plan.steps().get(0)).isInstanceOf(Step.FileStep.class);
        assertThat(((Step.FileStep) plan.steps().get(0)).change().path())
                .isEqualTo(UNITS + "/slapdesk-socat-80.service");
        assertThat(plan.preview())
                .contains("+ExecStart=/usr/bin/socat TCP4-LISTEN:80,fork,reuseaddr TCP4:10.0.97.156:8080")
                .contains("+Restart=always")
                .contains("+SuccessExitStatus=143")
                .contains("+StartLimitIntervalSec=0")
                .contains("+WantedBy=multi-user.target")
                .contains("$ systemctl daemon-reload && systemctl enable --now 'slapdesk-socat-80'"
                        + " && systemctl restart 'slapdesk-socat-80'")
                .contains("(undo: systemctl disable --now 'slapdesk-socat-80'; systemctl daemon-reload)")
                .doesNotContain("cron")
                .doesNotContain("/usr/local/sbin");
        new PlanRunner(node).apply(add, plan, ProgressListener.NONE, CancellationToken.none());
        try {
            assertThat(get("http://" + host.address4() + ":80/")).isEqualTo("frontend says hello\n");
            assertThat(host.sh("systemctl is-active slapdesk-socat-80; systemctl is-enabled slapdesk-socat-80"))
                    .isEqualTo("active\nenabled\n");
            assertThat(host.sh("readlink " + UNITS + "/multi-user.target.wants/slapdesk-socat-80.service")
                            .trim())
                    .isEqualTo(UNITS + "/slapdesk-socat-80.service");
            assertThat(SocatForwards.list(node))
                    .containsExactly(new SocatForwards.Installed(forward, UNITS + "/slapdesk-socat-80.service", true));
            assertThat(host.sh("ls /usr/local/sbin /etc/cron.d | grep slapdesk-socat || true"))
                    .as("no supervising script where systemd runs")
                    .isEmpty();
            assertThat(add.plan(node).isEmpty())
                    .as("a second add changes nothing")
                    .isTrue();

            // socat killed: systemd (Restart=always) starts it again
            String firstPid = mainPid();
            host.sh("kill -9 " + firstPid);
            assertThat(eventually(() -> get("http://" + host.address4() + ":80/")))
                    .isEqualTo("frontend says hello\n");
            assertThat(mainPid()).isNotEqualTo(firstPid).isNotEqualTo("0");

            // systemd re-executing itself (as after an upgrade) keeps the unit, enabled and running
            host.sh("systemctl daemon-reexec");
            assertThat(host.sh("systemctl is-active slapdesk-socat-80; systemctl is-enabled slapdesk-socat-80"))
                    .isEqualTo("active\nenabled\n");
            assertThat(get("http://" + host.address4() + ":80/")).isEqualTo("frontend says hello\n");

            // the boot stand-in: stopped, then multi-user.target started again brings it back
            // because it is enabled (wanted by multi-user.target)
            host.sh("systemctl stop slapdesk-socat-80");
            assertThatThrownBy(() -> get("http://" + host.address4() + ":80/")).isInstanceOf(IOException.class);
            assertThat(SocatForwards.list(node))
                    .extracting(SocatForwards.Installed::running)
                    .containsExactly(false);
            host.sh("systemctl start multi-user.target");
            assertThat(eventually(() -> get("http://" + host.address4() + ":80/")))
                    .isEqualTo("frontend says hello\n");

            // the forward was stopped by hand: add sees it is not running and starts it again
            host.sh("systemctl stop slapdesk-socat-80");
            Plan again = add.plan(node);
            assertThat(again.steps()).hasSize(1).first().isInstanceOf(Step.CommandStep.class);
            new PlanRunner(node).apply(add, again, ProgressListener.NONE, CancellationToken.none());
            assertThat(get("http://" + host.address4() + ":80/")).isEqualTo("frontend says hello\n");
        } finally {
            SocatForwardAction remove = new SocatForwardAction(Operation.REMOVE, forward);
            Plan removal = remove.plan(node);
            assertThat(removal.preview())
                    .contains("$ systemctl disable --now 'slapdesk-socat-80'")
                    .contains("$ systemctl daemon-reload; systemctl reset-failed 'slapdesk-socat-80'");
            new PlanRunner(node).apply(remove, removal, ProgressListener.NONE, CancellationToken.none());
        }
        assertThat(SocatForwards.list(node)).isEmpty();
        assertThat(host.sh("ls " + UNITS + " " + UNITS
                        + "/multi-user.target.wants | grep slapdesk-socat | grep -v '\\.slapdesk-' || true"))
                .as("unit and its enable link gone (the dated backup stays)")
                .isEmpty();
        assertThat(host.exec("systemctl", "is-enabled", "slapdesk-socat-80")
                        .stdout()
                        .trim())
                .isIn("not-found", "");
        assertThat(host.exec("systemctl", "is-active", "slapdesk-socat-80")
                        .stdout()
                        .trim())
                .isEqualTo("inactive");
        assertThat(host.sh("ps -o stat= -C socat | grep -v Z || true"))
                .as("a live socat")
                .isEmpty();
        assertThatThrownBy(() -> get("http://" + host.address4() + ":80/")).isInstanceOf(IOException.class);
    }

    @Test
    void aNewTargetForAForwardedPortReplacesTheOldForward() throws Exception {
        host.sh(
                "mkdir -p /srv/www2 && echo 'other frontend' > /srv/www2/index.html && cd /srv/www2 &&"
                        + " setsid -f python3 -m http.server --bind 10.0.97.156 8081 >/dev/null 2>&1;"
                        + " i=0; until ss -Htln 'sport = :8081' | grep -q 8081 || [ $i -gt 50 ]; do sleep 0.1; i=$((i+1)); done");
        Forward first = Forward.of(82, "10.0.97.156", 8080);
        Forward second = Forward.of(82, "10.0.97.156", 8081);
        SocatForwardAction add = new SocatForwardAction(Operation.ADD, first);
        new PlanRunner(node).apply(add, add.plan(node), ProgressListener.NONE, CancellationToken.none());
        try {
            assertThat(get("http://" + host.address4() + ":82/")).isEqualTo("frontend says hello\n");
            SocatForwardAction change = new SocatForwardAction(Operation.ADD, second);
            Plan changed = change.plan(node);
            assertThat(changed.steps().get(0).description()).isEqualTo("stop the forward it replaces (" + first + ")");
            assertThat(changed.preview())
                    .contains("-ExecStart=/usr/bin/socat TCP4-LISTEN:82,fork,reuseaddr TCP4:10.0.97.156:8080")
                    .contains("+ExecStart=/usr/bin/socat TCP4-LISTEN:82,fork,reuseaddr TCP4:10.0.97.156:8081");
            new PlanRunner(node).apply(change, changed, ProgressListener.NONE, CancellationToken.none());
            assertThat(eventually(() -> get("http://" + host.address4() + ":82/")))
                    .isEqualTo("other frontend\n");
            assertThat(SocatForwards.list(node))
                    .extracting(SocatForwards.Installed::forward, SocatForwards.Installed::running)
                    .containsExactly(Tuple.tuple(second, true));
            assertThat(host.sh("systemctl is-enabled slapdesk-socat-82").trim()).isEqualTo("enabled");
        } finally {
            SocatForwardAction remove = new SocatForwardAction(Operation.REMOVE, second);
            new PlanRunner(node).apply(remove, remove.plan(node), ProgressListener.NONE, CancellationToken.none());
        }
        assertThat(SocatForwards.list(node)).isEmpty();
    }

    @Test
    void anyPortWithABindAddressAsForRe6st() throws Exception {
        Forward forward = new Forward(9201, Optional.of(host.address4()), "10.0.97.156", 8080);
        SocatForwardAction add = new SocatForwardAction(Operation.ADD, forward);
        new PlanRunner(node).apply(add, add.plan(node), ProgressListener.NONE, CancellationToken.none());
        try {
            assertThat(get("http://" + host.address4() + ":9201/")).isEqualTo("frontend says hello\n");
            assertThat(host.sh("ss -Htln 'sport = :9201'")).contains(host.address4() + ":9201");
            assertThat(host.sh("systemctl is-enabled " + forward.name()).trim()).isEqualTo("enabled");
        } finally {
            SocatForwardAction remove = new SocatForwardAction(Operation.REMOVE, forward);
            new PlanRunner(node).apply(remove, remove.plan(node), ProgressListener.NONE, CancellationToken.none());
        }
        assertThat(SocatForwards.list(node)).isEmpty();
    }

    @Test
    void aPlanFailingMidwayLeavesTheHostsFilesAndServicesAsTheyWere() throws Exception {
        Forward forward = Forward.of(81, "10.0.97.156", 8080);
        SocatForwardAction add = new SocatForwardAction(Operation.ADD, forward);
        Plan plan = add.plan(node);
        String before = snapshot(UNITS, "/usr/local/sbin", "/etc/cron.d");
        String unitsBefore = host.sh("systemctl list-units --all --plain --no-legend 'slapdesk-*'");
        // between plan and apply something else takes the port: socat cannot listen, the unit
        // never becomes active, verification fails and everything is rolled back
        host.sh("setsid -f python3 -c 'import os,socket,time; s=socket.socket(); s.bind((\"0.0.0.0\", 81)); s.listen();"
                + " open(\"/run/blocker.pid\", \"w\").write(str(os.getpid())); time.sleep(600)' >/dev/null 2>&1;"
                + " i=0; until [ -s /run/blocker.pid ] || [ $i -gt 50 ]; do sleep 0.1; i=$((i+1)); done");
        try {
            assertThatThrownBy(() ->
                            new PlanRunner(node).apply(add, plan, ProgressListener.NONE, CancellationToken.none()))
                    .isInstanceOf(PlanFailedException.class)
                    .satisfies(e -> assertThat(((PlanFailedException) e).rollbackProblems())
                            .isEmpty());
        } finally {
            host.sh("kill $(cat /run/blocker.pid) && rm /run/blocker.pid");
        }
        assertThat(snapshot(UNITS, "/usr/local/sbin", "/etc/cron.d")).isEqualTo(before);
        assertThat(host.sh("systemctl list-units --all --plain --no-legend 'slapdesk-*'"))
                .isEqualTo(unitsBefore);
        assertThat(host.exec("systemctl", "is-enabled", "slapdesk-socat-81")
                        .stdout()
                        .trim())
                .isIn("not-found", "");
        assertThat(SocatForwards.list(node)).isEmpty();
    }

    @Test
    void aRemovalCancelledMidwayPutsTheUnitBackAsItWasNotMore() throws Exception {
        Forward forward = Forward.of(83, "10.0.97.156", 8080);
        SocatForwardAction add = new SocatForwardAction(Operation.ADD, forward);
        new PlanRunner(node).apply(add, add.plan(node), ProgressListener.NONE, CancellationToken.none());
        try {
            // the operator disabled it at boot but keeps it running: a failed removal must not re-enable it
            host.sh("systemctl disable slapdesk-socat-83");
            String before = snapshot(UNITS);
            SocatForwardAction remove = new SocatForwardAction(Operation.REMOVE, forward);
            Plan removal = remove.plan(node);
            assertThat(removal.preview())
                    .contains("(undo: systemctl daemon-reload && systemctl start 'slapdesk-socat-83')");
            CancellationToken cancel = CancellationToken.none();
            ProgressListener cancelAtStep2 = new ProgressListener() {
                @Override
                public void stepStarted(int index, int total, Step step) {
                    if (index == 2) {
                        cancel.cancel();
                    }
                }
            };
            assertThatThrownBy(() -> new PlanRunner(node).apply(remove, removal, cancelAtStep2, cancel))
                    .isInstanceOf(PlanFailedException.class)
                    .satisfies(e -> assertThat(((PlanFailedException) e).rollbackProblems())
                            .isEmpty());
            assertThat(snapshot(UNITS)).isEqualTo(before);
            assertThat(host.exec("systemctl", "is-enabled", "slapdesk-socat-83")
                            .stdout()
                            .trim())
                    .isEqualTo("disabled");
            assertThat(host.exec("systemctl", "is-active", "slapdesk-socat-83")
                            .stdout()
                            .trim())
                    .isEqualTo("active");
            assertThat(eventually(() -> get("http://" + host.address4() + ":83/")))
                    .isEqualTo("frontend says hello\n");
        } finally {
            SocatForwardAction remove = new SocatForwardAction(Operation.REMOVE, forward);
            new PlanRunner(node).apply(remove, remove.plan(node), ProgressListener.NONE, CancellationToken.none());
        }
        assertThat(SocatForwards.list(node)).isEmpty();
    }

    private String mainPid() {
        return host.sh("systemctl show -P MainPID slapdesk-socat-80").trim();
    }
}
