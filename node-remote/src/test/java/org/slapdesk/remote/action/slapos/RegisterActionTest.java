package org.slapdesk.remote.action.slapos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.PlanFailedException;
import org.slapdesk.remote.action.PlanRunner;
import org.slapdesk.remote.action.ProgressListener;
import org.slapdesk.remote.testing.OnTestHost;
import org.slapdesk.testlab.SlaposVenv;

/**
 * The exact command, the token never shown, and the real `slapos node register` failing
 * against an unreachable master with the node's configuration left as it was. The success
 * path, against a master that hands out node certificates, is {@link RegisterWithLocalMasterTest}.
 */
class RegisterActionTest extends OnTestHost {

    private static final String TOKEN = "20231109-SeCrEt1";

    @Test
    void theCommandIsExactAndThePreviewHidesTheToken() throws Exception {
        // a slapos in the node's PATH: planning checks that it is there
        host.writeFile("/usr/local/bin/slapos", "#!/bin/sh\nexit 0\n");
        host.sh("chmod 755 /usr/local/bin/slapos");
        SlaposNode slapos = SlaposNode.standard();
        RegisterAction action = new RegisterAction(slapos, RegisterAction.Options.of("my node", TOKEN, "eth0", 20));
        assertThat(action.registerCommand())
                .isEqualTo(
                        "'slapos' 'node' 'register' '--cfg' '/etc/opt/slapos/slapos.cfg'"
                                + " 'my node' '--token' '" + TOKEN
                                + "' '--interface-name' 'eth0' '--partition-number' '20'"
                                + " '--master-url' 'https://slap.vifib.com' '--master-url-web' 'https://panel.rapid.space'"
                                + " '--ipv4-local-network' '10.0.0.0/16' '--software-root' '/opt/slapgrid' '--instance-root' '/srv/slapgrid'");
        Plan plan = action.plan(node);
        assertThat(plan.preview()).contains("'--token' '********'").doesNotContain(TOKEN);
    }

    @Test
    void aFailedRegistrationLeavesTheConfigurationAsItWas() throws Exception {
        SlaposVenv venv = SlaposVenv.require();
        host.sh("mkdir -p /etc/opt/slapos/ssl /etc/opt/slapos.old && echo '[slapos]' > /etc/opt/slapos/slapos.cfg"
                + " && echo k > /etc/opt/slapos/ssl/key && chmod 600 /etc/opt/slapos/ssl/key");
        String before = snapshot("/etc/opt");
        SlaposNode slapos = new SlaposNode(venv.slapos().toString(), "/etc/opt/slapos/slapos.cfg");
        // nothing listens on port 9 of this machine's side of the link: the master is unreachable
        String master = "http://[" + host.hostSideAddress() + "]:9";
        RegisterAction action = new RegisterAction(
                slapos, RegisterAction.Options.of("node-1", TOKEN, "eth0", 3).withMaster(master, master));
        Plan plan = action.plan(node);
        assertThat(plan.steps()).hasSize(3);
        assertThatThrownBy(
                        () -> new PlanRunner(node).apply(action, plan, ProgressListener.NONE, CancellationToken.none()))
                .isInstanceOf(PlanFailedException.class)
                .hasMessageContaining("step 2 of 3")
                .hasMessageContaining("Everything the plan changed was undone")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
        assertThat(snapshot("/etc/opt")).isEqualTo(before);
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> RegisterAction.Options.of("n", "two words", "eth0", 20))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("token");
        assertThatThrownBy(() -> RegisterAction.Options.of("n", TOKEN, "eth0", 0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("partition count");
        assertThatThrownBy(
                        () -> RegisterAction.Options.of("n", TOKEN, "eth0", 20).withMaster("ftp://x", "https://y"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("http(s)");
        assertThatThrownBy(() -> RegisterAction.Options.of("a\nb", TOKEN, "eth0", 20))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("computer name");
    }
}
