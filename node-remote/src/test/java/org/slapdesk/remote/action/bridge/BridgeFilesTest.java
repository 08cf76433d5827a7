package org.slapdesk.remote.action.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slapdesk.remote.action.InvalidInputException;

/** The text edits and command lines of the bridge, without a node. */
class BridgeFilesTest {

    private static final String IP_OUTPUT =
            """
            @link
            111: eth0@if112: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT\\    link/ether c6:cb:58:c4:37:10
            @addr
            111: eth0    inet 100.64.1.2/24 scope global eth0\\       valid_lft forever preferred_lft forever
            111: eth0    inet6 fd00:5a:1::2/64 scope global nodad \\       valid_lft forever preferred_lft forever
            111: eth0    inet6 2001:db8::5/64 scope global dynamic mngtmpaddr \\       valid_lft 86000sec
            111: eth0    inet6 fe80::c4cb:58ff:fec4:3710/64 scope link \\       valid_lft forever preferred_lft forever
            @route4
            default via 100.64.1.1\s
            100.64.1.0/24 proto kernel scope link src 100.64.1.2\s
            @route6
            fd00:5a:1::/64 proto kernel metric 256 pref medium
            fe80::/64 proto kernel metric 256 pref medium
            default via fd00:5a:1::1 metric 1024 pref medium
            """;

    private static LinkState eth0() {
        return LinkState.parse("eth0", IP_OUTPUT);
    }

    @Test
    void readsGlobalAddressesAndNonKernelRoutes() {
        LinkState eth0 = eth0();
        assertThat(eth0.exists()).isTrue();
        assertThat(eth0.master()).isEmpty();
        assertThat(eth0.addresses())
                .extracting(LinkState.Address::cidr)
                .containsExactly("100.64.1.2/24", "fd00:5a:1::2/64");
        assertThat(eth0.routes())
                .extracting(LinkState.Route::text)
                .containsExactly("default via 100.64.1.1", "default via fd00:5a:1::1 metric 1024 pref medium");
        assertThat(eth0.hasAddress("fd00:5a:1:0::2/64")).isTrue();
        assertThat(LinkState.parse("br0", "@missing\n").exists()).isFalse();
        assertThat(LinkState.parse("eth0", "@link\n3: eth0@if4: <UP> mtu 1500 master br0 state UP\n@addr\n")
                        .master())
                .contains("br0");
    }

    @Test
    void debianKeepsEverythingElseAndReplacesThePortStanzas() {
        String before =
                """
                # The loopback network interface
                auto lo
                iface lo inet loopback

                # The primary network interface
                allow-hotplug eth0
                iface eth0 inet dhcp
                    hostname node1
                iface eth0 inet6 auto

                auto eth1
                iface eth1 inet static
                    address 10.1.0.2/24
                """;
        BridgeLayout layout = BridgeLayout.of(BridgeSettings.debian("br0", "eth0", Addressing.dhcp()), eth0());
        String after = DebianInterfaces.withBridge(before, layout, Addressing.dhcp());
        assertThat(after)
                .isEqualTo(
                        """
                # The loopback network interface
                auto lo
                iface lo inet loopback

                # The primary network interface
                allow-hotplug eth0
                iface eth0 inet manual

                auto eth1
                iface eth1 inet static
                    address 10.1.0.2/24

                auto br0
                iface br0 inet dhcp
                    bridge_ports eth0
                """);
        // a second run changes nothing
        assertThat(DebianInterfaces.withBridge(after, layout, Addressing.dhcp()))
                .isEqualTo(after);
    }

    @Test
    void debianStaticKeepsTheCurrentAddressesAndGateways() {
        BridgeLayout layout = BridgeLayout.of(BridgeSettings.debian("br0", "eth0", Addressing.keepCurrent()), eth0());
        String after = DebianInterfaces.withBridge("", layout, Addressing.keepCurrent());
        assertThat(after)
                .startsWith(DebianInterfaces.NEW_FILE)
                .endsWith(
                        """
                iface eth0 inet manual

                auto br0
                iface br0 inet static
                    bridge_ports eth0
                    address 100.64.1.2/24
                    gateway 100.64.1.1
                iface br0 inet6 static
                    address fd00:5a:1::2/64
                    gateway fd00:5a:1::1
                """);
    }

    @Test
    void genericPutsAMarkedBlockBeforeExitAndReplacesItOnASecondRun() {
        Addressing fixed = new Addressing.Static(List.of("192.0.2.50/24"), Optional.of("192.0.2.1"), Optional.empty());
        BridgeLayout layout = BridgeLayout.of(BridgeSettings.generic("br0", "eth0", fixed), eth0());
        String before = "#!/bin/sh -e\n/usr/local/bin/something\nexit 0\n";
        String after = RcLocal.withBridge(before, layout);
        assertThat(after)
                .isEqualTo(
                        """
                #!/bin/sh -e
                /usr/local/bin/something
                # slapdesk: bridge br0 for virtual machines (begin)
                ip link show dev 'br0' >/dev/null 2>&1 || ip link add name 'br0' type bridge
                ip link set dev 'eth0' master 'br0'
                ip addr flush dev 'eth0' scope global
                ip link set dev 'eth0' up
                ip link set dev 'br0' up
                ip addr replace '192.0.2.50/24' dev 'br0'
                ip -4 route replace 'default' 'via' '192.0.2.1' dev 'br0'
                # slapdesk: bridge br0 (end)
                exit 0
                """);
        assertThat(RcLocal.withBridge(after, layout)).isEqualTo(after);
        assertThat(RcLocal.withBridge("", layout))
                .startsWith("#!/bin/sh\n")
                .endsWith("# slapdesk: bridge br0 (end)\nexit 0\n");
    }

    @Test
    void theSwitchMovesAddressesAndRoutesAndTheRestorePutsThemBack() {
        BridgeLayout layout = BridgeLayout.of(BridgeSettings.debian("br0", "eth0", Addressing.dhcp()), eth0());
        assertThat(layout.switchCommands())
                .containsExactly(
                        "ip link show dev 'br0' >/dev/null 2>&1 || ip link add name 'br0' type bridge",
                        "ip link set dev 'eth0' master 'br0'",
                        "ip link set dev 'eth0' up",
                        "ip link set dev 'br0' up",
                        "ip addr del '100.64.1.2/24' dev 'eth0'",
                        "ip addr del 'fd00:5a:1::2/64' dev 'eth0'",
                        "ip -4 route del 'default' 'via' '100.64.1.1' dev 'eth0' 2>/dev/null || true",
                        "ip -6 route del 'default' 'via' 'fd00:5a:1::1' 'metric' '1024' 'pref' 'medium' dev 'eth0' 2>/dev/null || true",
                        "ip addr replace '100.64.1.2/24' dev 'br0'",
                        "ip addr replace 'fd00:5a:1::2/64' dev 'br0' nodad",
                        "ip -4 route replace 'default' 'via' '100.64.1.1' dev 'br0'",
                        "ip -6 route replace 'default' 'via' 'fd00:5a:1::1' 'metric' '1024' 'pref' 'medium' dev 'br0'");
        assertThat(layout.restoreCommands())
                .containsExactly(
                        "ip link set dev 'eth0' nomaster",
                        "ip link del dev 'br0'",
                        "ip link set dev 'eth0' up",
                        "ip addr replace '100.64.1.2/24' dev 'eth0'",
                        "ip addr replace 'fd00:5a:1::2/64' dev 'eth0' nodad",
                        "ip -4 route replace 'default' 'via' '100.64.1.1' dev 'eth0'",
                        "ip -6 route replace 'default' 'via' 'fd00:5a:1::1' 'metric' '1024' 'pref' 'medium' dev 'eth0'");
    }

    @Test
    void badInputIsRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> BridgeSettings.debian("br0;reboot", "eth0", Addressing.dhcp()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("interface name");
        assertThatThrownBy(() -> BridgeSettings.debian("br0", "eth0 $(id)", Addressing.dhcp()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("interface name");
        assertThatThrownBy(() -> BridgeSettings.debian("averyveryverylongname", "eth0", Addressing.dhcp()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("1 to 15");
        assertThatThrownBy(() -> BridgeSettings.debian("eth0", "eth0", Addressing.dhcp()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("both");
        assertThatThrownBy(() -> BridgeSettings.generic("br0", "eth0", Addressing.dhcp()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("DHCP");
        assertThatThrownBy(() -> new Addressing.Static(List.of("192.0.2.5"), Optional.empty(), Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("prefix length");
        assertThatThrownBy(() -> BridgeSettings.debian("br0", "eth0", Addressing.dhcp())
                        .withConfirmWithin(Duration.ofSeconds(3)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("between 15 s");
    }
}
