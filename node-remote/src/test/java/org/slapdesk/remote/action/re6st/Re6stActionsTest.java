package org.slapdesk.remote.action.re6st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.remote.action.ApplyResult;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.PlanFailedException;
import org.slapdesk.remote.action.PlanRunner;
import org.slapdesk.remote.action.Preflight;
import org.slapdesk.remote.action.ProgressListener;
import org.slapdesk.remote.action.Step;
import org.slapdesk.remote.testing.OnTestHost;

/** re6st on a real test host: config edits, the token never shown, the status probe, the install's failure. */
class Re6stActionsTest extends OnTestHost {

    private static final String CONF = "/etc/re6stnet/re6stnet.conf";
    private static final String TOKEN = "re6st-Tok3n-0f-the-Registry";

    @BeforeEach
    void cleanNode() {
        host.sh(
                "rm -rf /etc/re6stnet /etc/re6stnet.slapdesk-* /etc/init.d/re6stnet /run/systemd /usr/local/sbin/systemctl"
                        + " /usr/local/bin/re6stnet; pkill -x re6stnet || true");
    }

    @Test
    void editsRegistryIpAndGatewayKeepingTheRestWithABackup() throws Exception {
        host.sh("mkdir -p /etc/re6stnet && chmod 750 /etc/re6stnet");
        host.writeFile(CONF, Re6stConfTest.SEED);
        host.sh("chmod 640 " + CONF);
        Re6stConfigAction action =
                new Re6stConfigAction(Re6stSettings.of("http://192.0.2.7:9201/").asGateway("51.159.66.11"));
        Plan plan = action.plan(node);
        assertThat(plan.preview())
                .contains("-registry http://51.159.66.11:9201/")
                .contains("+registry http://192.0.2.7:9201/")
                .contains("+ip 51.159.66.11")
                .contains("+gateway")
                .contains("restart it");
        ApplyResult result = new PlanRunner(node).apply(action, plan, ProgressListener.NONE, CancellationToken.none());
        assertThat(host.sh("cat " + CONF))
                .isEqualTo(Re6stConfTest.SEED.replace(
                                "registry http://51.159.66.11:9201/", "registry http://192.0.2.7:9201/")
                        + "ip 51.159.66.11\ngateway\n");
        assertThat(host.sh("stat -c %a " + CONF)).isEqualTo("640\n");
        assertThat(result.backups()).hasSize(1);
        assertThat(host.sh("cat " + result.backups().get(0))).isEqualTo(Re6stConfTest.SEED);
        assertThat(action.plan(node).isEmpty()).isTrue();
    }

    @Test
    void withoutRe6stConfATokenPlanStopsBeforeAnyChange() throws Exception {
        host.sh("rm -f /usr/local/bin/re6st-conf");
        host.sh("mkdir -p /etc/re6stnet");
        host.writeFile(CONF, Re6stConfTest.SEED);
        String before = snapshot("/etc/re6stnet");
        Re6stConfigAction action =
                new Re6stConfigAction(Re6stSettings.of("http://192.0.2.7:9201/").withToken(TOKEN));
        assertThatThrownBy(() -> action.plan(node))
                .isInstanceOf(Preflight.MissingProgramException.class)
                .hasMessageContaining("re6st-conf")
                .hasMessageContaining("slapdesk node re6st install")
                .hasMessageNotContaining(TOKEN);
        assertThat(snapshot("/etc/re6stnet")).isEqualTo(before);
    }

    @Test
    void theTokenNeverShowsAndAFailedExchangePutsTheFolderBack() throws Exception {
        host.sh("mkdir -p /etc/re6stnet && echo old-cert > /etc/re6stnet/cert.crt");
        host.writeFile(CONF, Re6stConfTest.SEED);
        String before = snapshot("/etc/re6stnet");
        // a re6st-conf that fails like a refused token, after writing a partial certificate
        host.writeFile(
                "/usr/local/bin/re6st-conf",
                "#!/bin/sh\necho \"$@\" > /tmp/re6st-conf.args\n"
                        + "echo partial > /etc/re6stnet/cert.crt\necho 'Error: invalid or expired token' >&2\nexit 1\n");
        host.sh("chmod 755 /usr/local/bin/re6st-conf");
        Re6stConfigAction action =
                new Re6stConfigAction(Re6stSettings.of("http://192.0.2.7:9201/").withToken(TOKEN));
        assertThat(action.re6stConfCommand())
                .isEqualTo("'re6st-conf' '--registry' 'http://192.0.2.7:9201/' '--token' '" + TOKEN
                        + "' '-d' '/etc/re6stnet'");
        Plan plan = action.plan(node);
        assertThat(plan.preview()).contains("'--token' '********'").doesNotContain(TOKEN);
        List<String> seen = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void stepStarted(int index, int total, Step step) {
                seen.add(step.description());
            }

            @Override
            public void rollingBack(String why) {
                seen.add(why);
            }
        };
        assertThatThrownBy(() -> new PlanRunner(node).apply(action, plan, listener, CancellationToken.none()))
                .isInstanceOf(PlanFailedException.class)
                .hasMessageContaining("invalid or expired token")
                .hasMessageContaining("Everything the plan changed was undone")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN))
                .satisfies(e -> assertThat(e.getCause()).isNull());
        assertThat(String.join("\n", seen)).doesNotContain(TOKEN).contains("get the node's certificate");
        assertThat(host.sh("cat /tmp/re6st-conf.args")).contains("--token " + TOKEN); // it did reach the tool
        assertThat(snapshot("/etc/re6stnet")).isEqualTo(before);
        assertThat(host.sh("ls -d /etc/re6stnet.slapdesk-* 2>/dev/null || true"))
                .isEmpty();
    }

    @Test
    void statusSaysWhatItFoundAndHow() throws Exception {
        assertThat(Re6stStatus.of(node).state()).isEqualTo(Re6stStatus.State.NOT_INSTALLED);

        host.sh("cp /bin/sleep /usr/local/bin/re6stnet");
        host.sh("setsid /usr/local/bin/re6stnet 300 </dev/null >/dev/null 2>&1 &");
        Re6stStatus running = Re6stStatus.of(node);
        assertThat(running.state()).isEqualTo(Re6stStatus.State.ACTIVE);
        assertThat(running.how()).contains("process");
        host.sh("pkill -x re6stnet");
        assertThat(Re6stStatus.of(node).state()).isEqualTo(Re6stStatus.State.INACTIVE);

        host.writeFile("/etc/init.d/re6stnet", "#!/bin/sh\ncase \"$1\" in status) exit 3;; esac\n");
        host.sh("chmod 755 /etc/init.d/re6stnet");
        Re6stStatus stopped = Re6stStatus.of(node);
        assertThat(stopped.state()).isEqualTo(Re6stStatus.State.INACTIVE);
        assertThat(stopped.how()).isEqualTo("no systemd on the node: /etc/init.d/re6stnet status (exit 3)");

        // where systemd runs, its answer counts
        host.sh("mkdir -p /run/systemd/system");
        host.writeFile(
                "/usr/local/sbin/systemctl",
                "#!/bin/sh\n[ \"$1 $2\" = 'is-active re6stnet' ] && { echo failed; exit 3; }\nexit 1\n");
        host.sh("chmod 755 /usr/local/sbin/systemctl");
        Re6stStatus failed = Re6stStatus.of(node);
        assertThat(failed.state()).isEqualTo(Re6stStatus.State.FAILED);
        assertThat(failed.describe()).isEqualTo("re6stnet: failed (systemctl is-active re6stnet)");
    }

    @Test
    void installWithoutThePackageInAptFailsCleanlyAndChangesNothing() throws Exception {
        String before = snapshot("/var/lib/dpkg/status", "/etc/apt", "/etc/re6stnet");
        Re6stInstallAction action = new Re6stInstallAction();
        Plan plan = action.plan(node);
        assertThat(plan.preview())
                .contains("install re6st-node with apt")
                .contains("apt-get install -y re6st-node")
                .contains("does not know re6st-node");
        assertThatThrownBy(
                        () -> new PlanRunner(node).apply(action, plan, ProgressListener.NONE, CancellationToken.none()))
                .isInstanceOf(PlanFailedException.class)
                .hasMessageContaining("re6st-node is not in the package lists of this node")
                .hasMessageContaining("add the Nexedi re6st repository");
        assertThat(snapshot("/var/lib/dpkg/status", "/etc/apt", "/etc/re6stnet"))
                .isEqualTo(before);
        assertThat(host.sh("dpkg-query -W re6st-node 2>&1 || true")).contains("no packages found");
    }
}
