package org.slapdesk.remote.action.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.slapdesk.remote.action.forward.HttpProbe.eventually;
import static org.slapdesk.remote.action.forward.HttpProbe.get;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.PlanFailedException;
import org.slapdesk.remote.action.PlanRunner;
import org.slapdesk.remote.action.ProgressListener;
import org.slapdesk.remote.action.forward.SocatForwardAction.Operation;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.testing.OnTestHost;

/**
 * A "frontend" (python's http.server) bound on a partition address inside a test host, as the
 * seed's Caddyfile says; the forward 80 -> 8080 is proven by an HTTP request from this machine.
 */
class SocatForwardActionTest extends OnTestHost {

    private static final String CADDYFILE =
            """
            :4443 {
            bind 10.0.97.156
            }
            :8080 {
            bind 10.0.97.156
            }
            """;

    @BeforeAll
    void frontend() {
        host.sh("ip addr add 10.0.97.156/32 dev eth0 && mkdir -p /srv/slapgrid/slappart7/etc /srv/www"
                + " && echo 'frontend says hello' > /srv/www/index.html");
        host.writeFile("/srv/slapgrid/slappart7/etc/Caddyfile", CADDYFILE);
        host.sh(
                "cd /srv/www && setsid -f python3 -m http.server --bind 10.0.97.156 8080 >/dev/null 2>&1;"
                        + " i=0; until ss -Htln 'sport = :8080' | grep -q 8080 || [ $i -gt 50 ]; do sleep 0.1; i=$((i+1)); done");
    }

    @Test
    void findsTheFrontendBindAddressesInTheCaddyfiles() throws Exception {
        assertThat(FrontendBinds.find(node, "/srv/slapgrid"))
                .containsExactly(
                        new FrontendBinds.Bind("slappart7", 4443, "10.0.97.156"),
                        new FrontendBinds.Bind("slappart7", 8080, "10.0.97.156"));
    }

    @Test
    void forwards80To8080PersistentlyAndRemovesItAgain() throws Exception {
        Forward forward = Forward.of(80, "10.0.97.156", 8080);
        SocatForwardAction add = new SocatForwardAction(Operation.ADD, forward);
        Plan plan = add.plan(node);
        assertThat(plan.preview()).contains("'TCP4-LISTEN:80,fork,reuseaddr' 'TCP4:10.0.97.156:8080'");
        new PlanRunner(node).apply(add, plan, ProgressListener.NONE, CancellationToken.none());

        assertThat(get("http://" + host.address4() + ":80/")).isEqualTo("frontend says hello\n");
        assertThat(SocatForwards.list(node))
                .extracting(SocatForwards.Installed::forward, SocatForwards.Installed::running)
                .containsExactly(Tuple.tuple(forward, true));
        assertThat(add.plan(node).isEmpty()).as("a second add changes nothing").isTrue();

        // socat killed: its supervisor starts it again
        host.sh("pkill -x socat");
        assertThat(eventually(() -> get("http://" + host.address4() + ":80/"))).isEqualTo("frontend says hello\n");

        SocatForwardAction remove = new SocatForwardAction(Operation.REMOVE, forward);
        new PlanRunner(node).apply(remove, remove.plan(node), ProgressListener.NONE, CancellationToken.none());
        assertThat(SocatForwards.list(node)).isEmpty();
        assertThat(host.sh("ps -o stat= -C socat | grep -v Z || true"))
                .as("a live socat")
                .isEmpty();
        assertThatThrownBy(() -> get("http://" + host.address4() + ":80/")).isInstanceOf(IOException.class);
        // nothing of it stays, not even a backup
        assertThat(host.sh("ls /etc/cron.d /usr/local/sbin | grep slapdesk-socat || true"))
                .isEmpty();
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
            assertThat(changed.preview()).contains("'TCP4-LISTEN:82,fork,reuseaddr' 'TCP4:10.0.97.156:8081'");
            new PlanRunner(node).apply(change, changed, ProgressListener.NONE, CancellationToken.none());
            assertThat(eventually(() -> get("http://" + host.address4() + ":82/")))
                    .isEqualTo("other frontend\n");
            assertThat(SocatForwards.list(node))
                    .extracting(SocatForwards.Installed::forward, SocatForwards.Installed::running)
                    .containsExactly(Tuple.tuple(second, true));
            assertThat(host.sh("ps -o args= -C socat"))
                    .contains("TCP4:10.0.97.156:8081")
                    .doesNotContain("TCP4:10.0.97.156:8080");
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
        } finally {
            SocatForwardAction remove = new SocatForwardAction(Operation.REMOVE, forward);
            new PlanRunner(node).apply(remove, remove.plan(node), ProgressListener.NONE, CancellationToken.none());
        }
    }

    @Test
    void aForwardWithABindAddressHasABootFileCronRuns() throws Exception {
        Forward forward = new Forward(9203, Optional.of(host.address4()), "10.0.97.156", 8080);
        SocatForwardAction add = new SocatForwardAction(Operation.ADD, forward);
        new PlanRunner(node).apply(add, add.plan(node), ProgressListener.NONE, CancellationToken.none());
        try {
            // cron reads the /etc/cron.d files that run-parts' naming accepts
            assertThat(host.sh("run-parts --list /etc/cron.d")).contains("/etc/cron.d/" + forward.name());
            assertThat(forward.name()).matches("[A-Za-z0-9_-]+");
        } finally {
            SocatForwardAction remove = new SocatForwardAction(Operation.REMOVE, forward);
            new PlanRunner(node).apply(remove, remove.plan(node), ProgressListener.NONE, CancellationToken.none());
        }
        assertThat(SocatForwards.list(node)).isEmpty();
    }

    @Test
    void aForwardUnderItsOldDottedNameIsListedMigratedAndRemoved() throws Exception {
        Forward forward = new Forward(9204, Optional.of(host.address4()), "10.0.97.156", 8080);
        String legacy = forward.legacyName();
        makeLegacyForward(forward);
        assertThat(SocatForwards.list(node))
                .extracting(SocatForwards.Installed::forward, SocatForwards.Installed::file)
                .containsExactly(Tuple.tuple(forward, "/usr/local/sbin/" + legacy));

        SocatForwardAction add = new SocatForwardAction(Operation.ADD, forward);
        new PlanRunner(node).apply(add, add.plan(node), ProgressListener.NONE, CancellationToken.none());
        assertThat(SocatForwards.list(node))
                .extracting(SocatForwards.Installed::file, SocatForwards.Installed::running)
                .containsExactly(Tuple.tuple("/usr/local/sbin/" + forward.name(), true));
        assertThat(host.sh("run-parts --list /etc/cron.d")).contains("/etc/cron.d/" + forward.name());
        assertThat(get("http://" + host.address4() + ":9204/")).isEqualTo("frontend says hello\n");

        SocatForwardAction remove = new SocatForwardAction(Operation.REMOVE, forward);
        new PlanRunner(node).apply(remove, remove.plan(node), ProgressListener.NONE, CancellationToken.none());

        makeLegacyForward(forward);
        new PlanRunner(node).apply(remove, remove.plan(node), ProgressListener.NONE, CancellationToken.none());
        assertThat(SocatForwards.list(node)).isEmpty();
        assertThat(host.sh(
                        "ls /etc/cron.d /usr/local/sbin | grep -F '" + legacy + "' | grep -v '\\.slapdesk-' || true"))
                .isEmpty();
    }

    /** A forward as earlier versions left it: its files named with the bind address's dots, running. */
    private void makeLegacyForward(Forward forward) throws Exception {
        SocatForwardAction add = new SocatForwardAction(Operation.ADD, forward);
        new PlanRunner(node).apply(add, add.plan(node), ProgressListener.NONE, CancellationToken.none());
        String name = forward.name();
        String legacy = forward.legacyName();
        host.sh(SocatForwards.stopScript(name) + "; sed -i 's/" + name + "/" + legacy + "/g' /usr/local/sbin/" + name
                + " /etc/cron.d/" + name + " && mv /usr/local/sbin/" + name + " /usr/local/sbin/" + legacy
                + " && mv /etc/cron.d/" + name + " /etc/cron.d/" + legacy + " && " + SocatForwards.startScript(legacy));
    }

    @Test
    void aBindAddressTheNodeDoesNotHaveIsRefusedInThePlan() {
        Forward forward = new Forward(9201, Optional.of("192.0.2.1"), "10.0.97.156", 8080);
        assertThatThrownBy(() -> new SocatForwardAction(Operation.ADD, forward).plan(node))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("has the address 192.0.2.1");
    }

    @Test
    void aForwardWhoseSocatCannotListenIsRolledBack() throws Exception {
        host.sh("ip addr add 192.0.2.55/32 dev eth0");
        Forward forward = new Forward(9205, Optional.of("192.0.2.55"), "10.0.97.156", 8080);
        SocatForwardAction add = new SocatForwardAction(Operation.ADD, forward);
        Plan plan = add.plan(node);
        // the address goes away between plan and apply: socat cannot bind
        host.sh("ip addr del 192.0.2.55/32 dev eth0");
        assertThatThrownBy(() -> new PlanRunner(node).apply(add, plan, ProgressListener.NONE, CancellationToken.none()))
                .isInstanceOf(PlanFailedException.class)
                .hasMessageContaining("does not listen on port 9205");
        assertThat(SocatForwards.list(node)).isEmpty();
        assertThat(host.sh("ps -o args= -C socat || true")).doesNotContain("9205");
    }

    @Test
    void withoutCronOrSystemdThePlanWarnsThatNothingStartsTheForwardAtBoot() throws Exception {
        Forward forward = Forward.of(9206, "10.0.97.156", 8080);
        assertThat(new SocatForwardAction(Operation.ADD, forward).plan(node).notes())
                .contains(SocatForwardAction.NO_BOOT_START_WARNING);
        host.writeFile("/usr/sbin/cron", "#!/bin/sh\nexit 0\n");
        host.sh("chmod +x /usr/sbin/cron");
        try {
            assertThat(new SocatForwardAction(Operation.ADD, forward).plan(node).notes())
                    .doesNotContain(SocatForwardAction.NO_BOOT_START_WARNING);
        } finally {
            host.sh("rm -f /usr/sbin/cron");
        }
    }

    @Test
    void aPortInUseOrBadInputIsRefused() {
        assertThatThrownBy(
                        () -> new SocatForwardAction(Operation.ADD, Forward.of(8080, "10.0.97.156", 8080)).plan(node))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("already in use");
        assertThatThrownBy(() -> Forward.of(0, "10.0.97.156", 8080)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Forward.of(80, "10.0.97.156;reboot", 8080)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void parsesGrepOutputOfSeveralPartitions() {
        String grep =
                "/srv/slapgrid/slappart1/etc/Caddyfile::443 {\n/srv/slapgrid/slappart1/etc/Caddyfile:  bind 10.0.1.2\n"
                        + "/srv/slapgrid/slappart2/etc/Caddyfile:bind 10.0.9.9\n/srv/slapgrid/slappart2/etc/Caddyfile::8080 {\n"
                        + "/srv/slapgrid/slappart2/etc/Caddyfile:bind 10.0.2.3\n";
        assertThat(FrontendBinds.parse(grep, "/srv/slapgrid"))
                .isEqualTo(List.of(
                        new FrontendBinds.Bind("slappart1", 443, "10.0.1.2"),
                        new FrontendBinds.Bind("slappart2", 8080, "10.0.2.3")));
    }
}
