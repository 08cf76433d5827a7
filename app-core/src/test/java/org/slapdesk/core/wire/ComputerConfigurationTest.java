package org.slapdesk.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.interop.VenvPython;
import org.slapdesk.core.wire.ComputerConfiguration.Address;
import org.slapdesk.core.wire.ComputerConfiguration.Ipv6Range;
import org.slapdesk.core.wire.ComputerConfiguration.NetworkDevice;
import org.slapdesk.core.wire.ComputerConfiguration.NetworkInterface;
import org.slapdesk.core.wire.ComputerConfiguration.Partition;
import org.slapdesk.core.wire.ComputerConfiguration.User;

class ComputerConfigurationTest {

    /** The same node the interop script builds from slapos.format's own classes. */
    static ComputerConfiguration sampleNode() {
        List<Partition> partitions = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String path = "/srv/slapgrid/slappart" + i;
            NetworkDevice tap = new NetworkDevice(
                    "slaptap" + i,
                    "10.0." + (i + 1) + ".2",
                    "255.255.255.0",
                    "10.0." + (i + 1) + ".1",
                    "10.0." + (i + 1) + ".0/24",
                    "2001:db8:0:0:" + (i + 2) + "::1",
                    "ffff:ffff:ffff:ffff:ffff::",
                    "2001:db8:0:0:" + (i + 2) + "::",
                    "2001:db8:0:0:" + (i + 2) + "::/80",
                    Map.of());
            NetworkDevice tun = i == 1
                    ? new NetworkDevice(
                            "slaptun1",
                            "172.24.0.1",
                            "255.248.0.0",
                            "",
                            "172.24.0.1/255.248.0.0",
                            "",
                            "",
                            "",
                            "",
                            Map.of())
                    : null;
            partitions.add(new Partition(
                    "slappart" + i,
                    path,
                    new User("slapuser" + i, "/bin/sh", List.of("slapsoft"), path, Map.of()),
                    List.of(
                            Address.of("10.0.117." + (40 + i), "255.255.255.255"),
                            Address.of("2001:db8::" + (i + 2), "ffff:ffff:ffff:ffff::")),
                    new Ipv6Range(
                            "2001:db8:0:0:" + (i + 2) + "::",
                            "ffff:ffff:ffff:ffff:ffff::",
                            "2001:db8:0:0:" + (i + 2) + "::/80",
                            80L,
                            Map.of()),
                    tap,
                    tun,
                    i == 0 ? List.of("/data/data1/slappart0") : List.of(),
                    i == 0 ? List.of("kvm", "gpu") : null,
                    Map.of()));
        }
        return new ComputerConfiguration(
                "COMP-4242",
                "2001:db8::1",
                "ffff:ffff:ffff:ffff::",
                new NetworkInterface("eth0", "10.0.0.0/16", "lo", 16L, Map.of()),
                "lo",
                true,
                "slapsoft",
                "",
                true,
                "/opt/slapgrid",
                "/srv/slapgrid",
                "/data",
                "192.0.2.10",
                "[\"Linux-6.1.0-x86_64-with-glibc2.36\", \"debian\", \"12\", \"Debian GNU/Linux\"]",
                "3.11.2",
                "1.24.0",
                partitions,
                Map.of());
    }

    @Test
    void writesWhatSlaposFormatPosts() throws Exception {
        String out = new VenvPython()
                .run(XmlMarshalPythonTest.codecScript(), "", "format-dict")
                .strip();
        String python = new String(Base64.getDecoder().decode(out), StandardCharsets.UTF_8);
        assertThat(sampleNode().toMarshalXml()).isEqualTo(python);
        assertThat(ComputerConfiguration.fromMarshalXml(python)).isEqualTo(sampleNode());
    }

    @Test
    void theMinimalBodyIsAcceptedBack() throws Exception {
        String protocolExample = "<marshal><dictionary id=\"i2\"><string>address</string><string>10.0.0.1</string>"
                + "<string>netmask</string><string>255.255.255.0</string><string>partition_list</string><list id=\"i3\"/>"
                + "<string>reference</string><string>COMP-123</string></dictionary></marshal>";
        ComputerConfiguration read = ComputerConfiguration.fromMarshalXml(protocolExample);
        assertThat(read.reference()).isEqualTo("COMP-123");
        assertThat(read.partitionList()).isEmpty();
        assertThat(read.networkInterface()).isNull();
        ComputerConfiguration minimal = ComputerConfiguration.minimal(
                "COMP-123",
                "10.0.0.1",
                "255.255.255.0",
                List.of(Partition.simple(
                        "slappart0",
                        "/srv/slapgrid/slappart0",
                        List.of(Address.of("10.0.0.2", "255.255.255.255")),
                        "slappart0")));
        Map<String, Object> dict = minimal.toDict();
        assertThat(dict).containsEntry("reference", "COMP-123").containsKey("partition_list");
        assertThat(ComputerConfiguration.fromMarshalXml(minimal.toMarshalXml())).isEqualTo(minimal);
    }

    @SuppressWarnings("unchecked")
    @Test
    void unknownKeysSurviveARoundTrip() throws Exception {
        Map<String, Object> dict = new LinkedHashMap<>(sampleNode().toDict());
        dict.put("future_field", List.of("x"));
        List<Object> partitions = new ArrayList<>((List<Object>) dict.get("partition_list"));
        Map<String, Object> first = new LinkedHashMap<>((Map<String, Object>) partitions.get(0));
        first.put("gpu_list", Map.of("pci", "0000:01:00.0"));
        partitions.set(0, first);
        dict.put("partition_list", partitions);
        String xml = XmlMarshal.dumps(dict);
        ComputerConfiguration read = ComputerConfiguration.fromMarshalXml(xml);
        assertThat(read.extra()).containsEntry("future_field", List.of("x"));
        assertThat(read.partitionList().get(0).extra()).containsKey("gpu_list");
        assertThat(read.toMarshalXml()).isEqualTo(xml);
    }

    @Test
    void wrongTypesAreNamed() {
        assertThatThrownBy(() -> ComputerConfiguration.fromMarshalXml("<marshal><list id=\"i2\"/></marshal>"))
                .hasMessage("the computer configuration is a list, expected a dictionary");
        assertThatThrownBy(() -> ComputerConfiguration.fromMarshalXml("<marshal><dictionary id=\"i2\">"
                        + "<string>partition_list</string><list id=\"i3\"><dictionary id=\"i4\"><string>tap</string>"
                        + "<string>slaptap0</string></dictionary></list></dictionary></marshal>"))
                .hasMessage("partition_list[0].tap is the String slaptap0, expected a dictionary");
        assertThatThrownBy(() -> ComputerConfiguration.fromMarshalXml("<marshal><dictionary id=\"i2\">"
                        + "<string>tap_ipv6</string><string>yes</string></dictionary></marshal>"))
                .hasMessage("the computer configuration.tap_ipv6 is the String yes, expected a boolean");
    }
}
