package org.slapdesk.remote.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValidateTest {

    @Test
    void interfaceNames() {
        assertThat(Validate.interfaceName("eth0")).isEqualTo("eth0");
        assertThat(Validate.interfaceName("br-vm.10")).isEqualTo("br-vm.10");
        for (String bad : new String[] {"", "toolonginterface", "eth0; reboot", "a b", "../x", "..", "eth/0", "é"}) {
            assertThatThrownBy(() -> Validate.interfaceName(bad))
                    .as(bad)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("interface name");
        }
    }

    @Test
    void addresses() {
        assertThat(Validate.ipv6WithPrefix("fc01::1/32")).isEqualTo("fc01::1/32");
        assertThat(Validate.ipv4Network("10.0.0.0/16")).isEqualTo("10.0.0.0/16");
        assertThatThrownBy(() -> Validate.ipv6WithPrefix("fc01::1")).hasMessageContaining("prefix length");
        assertThatThrownBy(() -> Validate.ipv6WithPrefix("fc01::1/129")).hasMessageContaining("1-128");
        assertThatThrownBy(() -> Validate.ipv6Address("example.org")).hasMessageContaining("not an IPv6");
        assertThatThrownBy(() -> Validate.ipv6Address("fc01:::1:$(id)")).hasMessageContaining("not an IPv6");
        assertThatThrownBy(() -> Validate.ipv4Address("256.1.1.1")).hasMessageContaining("not an IPv4");
        assertThatThrownBy(() -> Validate.ipv4Address("1.2.3")).hasMessageContaining("not an IPv4");
    }

    @Test
    void portsPathsDevices() {
        assertThat(Validate.port("8080")).isEqualTo(8080);
        assertThatThrownBy(() -> Validate.port(0)).hasMessageContaining("1-65535");
        assertThatThrownBy(() -> Validate.port("80; rm")).hasMessageContaining("not a port");
        assertThat(Validate.absolutePath("/etc/opt/slapos/slapos.cfg")).isNotNull();
        assertThatThrownBy(() -> Validate.absolutePath("etc/fstab")).hasMessageContaining("absolute");
        assertThatThrownBy(() -> Validate.absolutePath("/etc/../root")).hasMessageContaining("'..'");
        assertThatThrownBy(() -> Validate.absolutePath("/etc/a\nb")).hasMessageContaining("control character");
        assertThat(Validate.devicePath("/dev/sdb1")).isEqualTo("/dev/sdb1");
        assertThatThrownBy(() -> Validate.devicePath("/dev/../etc/passwd")).hasMessageContaining("device path");
        assertThatThrownBy(() -> Validate.devicePath("sdb1")).hasMessageContaining("device path");
        assertThatThrownBy(() -> Validate.partitionCount(0)).hasMessageContaining("1-2000");
    }
}
