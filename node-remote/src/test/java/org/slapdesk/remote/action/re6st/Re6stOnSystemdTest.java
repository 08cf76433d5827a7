package org.slapdesk.remote.action.re6st;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.PlanRunner;
import org.slapdesk.remote.action.ProgressListener;
import org.slapdesk.remote.testing.OnTestHost;
import org.slapdesk.testlab.HostOptions;

/**
 * re6st where systemd really runs (a testlab host whose pid 1 is systemd): the status read
 * from systemd, and the configuration's restart done by systemctl. re6stnet itself is not
 * installable here (no Nexedi repository): a {@code re6stnet.service} running a stand-in
 * program plays it, as the package's unit would.
 */
class Re6stOnSystemdTest extends OnTestHost {

    @Override
    protected HostOptions hostOptions() {
        return HostOptions.withSystemd();
    }

    @Test
    void statusFollowsTheRealUnitAndTheConfigRestartRestartsIt() throws Exception {
        Re6stStatus none = Re6stStatus.of(node);
        assertThat(none.state()).isEqualTo(Re6stStatus.State.NOT_INSTALLED);
        assertThat(none.how()).isEqualTo("systemd knows no re6stnet unit");

        host.sh("cp /bin/sleep /usr/local/bin/re6stnet");
        host.writeFile(
                "/etc/systemd/system/re6stnet.service",
                "[Service]\nExecStart=/usr/local/bin/re6stnet 600\n[Install]\nWantedBy=multi-user.target\n");
        host.sh("systemctl daemon-reload");
        assertThat(Re6stStatus.of(node).state()).isEqualTo(Re6stStatus.State.INACTIVE);
        host.sh("systemctl start re6stnet");
        Re6stStatus up = Re6stStatus.of(node);
        assertThat(up.state()).isEqualTo(Re6stStatus.State.ACTIVE);
        assertThat(up.describe()).isEqualTo("re6stnet: active (systemctl is-active re6stnet)");

        host.sh("mkdir -p /etc/re6stnet");
        host.writeFile("/etc/re6stnet/re6stnet.conf", Re6stConfTest.SEED);
        String pidBefore = host.sh("systemctl show -P MainPID re6stnet").trim();
        Re6stConfigAction action =
                new Re6stConfigAction(Re6stSettings.of("http://192.0.2.7:9201/").withRestart(true));
        Plan plan = action.plan(node);
        assertThat(plan.preview()).contains("$ " + Re6stConfigAction.restartCommand());
        new PlanRunner(node).apply(action, plan, ProgressListener.NONE, CancellationToken.none());
        String pidAfter = host.sh("systemctl show -P MainPID re6stnet").trim();
        assertThat(pidAfter)
                .as("systemctl restart gave it a new process")
                .isNotEqualTo(pidBefore)
                .isNotEqualTo("0");
        assertThat(Re6stStatus.of(node).state()).isEqualTo(Re6stStatus.State.ACTIVE);

        host.sh("kill -9 " + pidAfter);
        host.sh("i=0; while systemctl is-active --quiet re6stnet && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done");
        assertThat(Re6stStatus.of(node).state())
                .as("killed, no Restart=: systemd says failed")
                .isEqualTo(Re6stStatus.State.FAILED);
    }
}
