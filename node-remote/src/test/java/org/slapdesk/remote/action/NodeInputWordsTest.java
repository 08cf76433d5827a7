package org.slapdesk.remote.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slapdesk.remote.action.bridge.Addressing;
import org.slapdesk.remote.action.bridge.BridgeSettings;
import org.slapdesk.remote.action.forward.Forward;
import org.slapdesk.remote.action.ha.OpenSvcAction;
import org.slapdesk.remote.action.slapos.Ipv6SettingsAction;

/** The words and values both fronts hand over as typed: modes, ADDRESS:PORT, bridge addressing. */
class NodeInputWordsTest {

    @Test
    void modesAreTheirLowerCaseWordsAndABadOneIsNamed() {
        assertThat(Ipv6SettingsAction.Mode.parse("tap-vpn")).isEqualTo(Ipv6SettingsAction.Mode.TAP_VPN);
        assertThat(Choice.words(Ipv6SettingsAction.Mode.class)).containsExactly("re6st", "native", "tap-vpn");
        assertThat(OpenSvcAction.Operation.parse("switch")).isEqualTo(OpenSvcAction.Operation.SWITCH);
        assertThatThrownBy(() -> BridgeSettings.Style.parse("Debian"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("'Debian' is not one of debian, generic");
    }

    @Test
    void aForwardTargetIsAddressColonPortWithIpv6BareOrInBrackets() {
        assertThat(Forward.to(80, Optional.empty(), "10.0.97.156:8080")).isEqualTo(Forward.of(80, "10.0.97.156", 8080));
        assertThat(Forward.to(80, Optional.empty(), "[fd00::5]:8080")).isEqualTo(Forward.of(80, "fd00::5", 8080));
        assertThat(Forward.to(80, Optional.empty(), "fd00::5:8080")).isEqualTo(Forward.of(80, "fd00::5", 8080));
        assertThatThrownBy(() -> Forward.to(80, Optional.empty(), "10.0.97.156"))
                .hasMessage("'10.0.97.156' needs ADDRESS:PORT, e.g. 10.0.97.156:8080");
        assertThatThrownBy(() -> Forward.to(80, Optional.empty(), "10.0.97.156:http"))
                .hasMessageContaining("'http' is not a port number");
    }

    @Test
    void gatewaysAndAddressesGoWithStaticAddressingOnly() {
        assertThat(Addressing.choose(
                        "default", BridgeSettings.Style.DEBIAN, List.of(), Optional.empty(), Optional.empty()))
                .isEqualTo(new Addressing.Dhcp());
        assertThat(Addressing.choose(
                        "default", BridgeSettings.Style.GENERIC, List.of(), Optional.empty(), Optional.empty()))
                .isEqualTo(new Addressing.KeepCurrent());
        assertThat(Addressing.choose(
                        "static",
                        BridgeSettings.Style.DEBIAN,
                        List.of("192.0.2.10/24"),
                        Optional.of("192.0.2.1"),
                        Optional.empty()))
                .isEqualTo(new Addressing.Static(List.of("192.0.2.10/24"), Optional.of("192.0.2.1"), Optional.empty()));
        assertThatThrownBy(() -> Addressing.choose(
                        "dhcp", BridgeSettings.Style.DEBIAN, List.of(), Optional.of("192.0.2.1"), Optional.empty()))
                .hasMessage("static addresses and gateways go with static addressing, not with 'dhcp'");
        assertThatThrownBy(() -> Addressing.choose(
                        "manual", BridgeSettings.Style.DEBIAN, List.of(), Optional.empty(), Optional.empty()))
                .hasMessageContaining("'manual' is not one of default, dhcp, keep, static");
    }
}
