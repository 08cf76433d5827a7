package org.slapdesk.remote.action.slapos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.remote.action.ApplyResult;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.PlanRunner;
import org.slapdesk.remote.action.ProgressListener;
import org.slapdesk.remote.action.slapos.Ipv6SettingsAction.Mode;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.testing.OnTestHost;
import org.slapdesk.testlab.SlaposVenv;

/** The three cases of seed 000 on slapos.cfg as `slapos node register` writes it (its template). */
class Ipv6SettingsActionTest extends OnTestHost {

    private static final String CFG = "/etc/opt/slapos/slapos.cfg";

    @BeforeEach
    void freshConfigFromTheSlaposTemplate() {
        SlaposVenv venv = SlaposVenv.require();
        host.sh("rm -rf /etc/opt/slapos && mkdir -p /etc/opt/slapos && cp " + venv.root()
                + "/lib/python3*/site-packages/slapos/slapos.cfg.example " + CFG);
    }

    @Test
    void re6stSetsTheInterfaceAndIpv6OnLo() throws Exception {
        String before = host.sh("cat " + CFG);
        Ipv6SettingsAction action = new Ipv6SettingsAction(CFG, Mode.RE6ST, "eth0");
        Plan plan = action.plan(node);
        assertThat(plan.preview())
                .contains("-interface_name = lo")
                .contains("+interface_name = eth0")
                .contains("+ipv6_interface = lo");
        ApplyResult result = apply(action, plan);
        assertThat(configparser()).isEqualTo("eth0 lo");
        assertThat(result.backups()).hasSize(1);
        assertThat(host.sh("cat " + result.backups().get(0))).isEqualTo(before);
        // only the edited lines changed: comments and every other key are as they were
        assertThat(host.sh("diff " + result.backups().get(0) + " " + CFG + " | grep '^[<>]' || true"))
                .isEqualTo("< interface_name = lo\n> interface_name = eth0\n> ipv6_interface = lo\n");
        // idempotent: nothing planned, no new backup
        assertThat(action.plan(node).isEmpty()).isTrue();
        assertThat(host.sh("ls /etc/opt/slapos | grep -c slapdesk-").trim()).isEqualTo("1");
    }

    @Test
    void nativeSetsOnlyTheInterfaceAndDropsIpv6Interface() throws Exception {
        apply(new Ipv6SettingsAction(CFG, Mode.RE6ST, "eth0"));
        apply(new Ipv6SettingsAction(CFG, Mode.NATIVE, "eth0"));
        assertThat(configparser()).isEqualTo("eth0 -");
        assertThat(host.sh("grep -c ipv6_interface " + CFG + " || true").trim()).isEqualTo("0");
    }

    @Test
    void anInterfaceTheNodeDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> new Ipv6SettingsAction(CFG, Mode.NATIVE, "eth7").plan(node))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("there is no interface eth7");
    }

    @Test
    void tapVpnSetsIpv6OnTapVpn() throws Exception {
        apply(new Ipv6SettingsAction(CFG, Mode.TAP_VPN, "eth0"));
        assertThat(configparser()).isEqualTo("eth0 tapVPN");
    }

    @Test
    void aMissingConfigOrBadInputIsRefused() {
        assertThatThrownBy(() -> new Ipv6SettingsAction("/etc/none/slapos.cfg", Mode.NATIVE, "eth0").plan(node))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("register the node first");
        assertThatThrownBy(() -> new Ipv6SettingsAction(CFG, Mode.NATIVE, "eth0 ; reboot"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Ipv6SettingsAction("slapos.cfg", Mode.NATIVE, "eth0"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("absolute");
    }

    private ApplyResult apply(Ipv6SettingsAction action) throws NodeException {
        return apply(action, action.plan(node));
    }

    private ApplyResult apply(Ipv6SettingsAction action, Plan plan) throws NodeException {
        return new PlanRunner(node).apply(action, plan, ProgressListener.NONE, CancellationToken.none());
    }

    /** How slapos itself (configparser, in the venv) reads the result. */
    private String configparser() {
        return host.sh(SlaposVenv.require().python() + " -c \"import configparser; c = configparser.ConfigParser();"
                        + " c.read('" + CFG + "'); print(c.get('slapformat', 'interface_name'),"
                        + " c.get('slapformat', 'ipv6_interface', fallback='-'))\"")
                .trim();
    }
}
