package org.slapdesk.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlaposNodeConfigTest {

    @TempDir
    Path dir;

    @Test
    void readsTheFormatKeys() throws Exception {
        SlaposNodeConfig node =
                new SlaposNodeConfig(IniFile.parse(IniFileTest.resource("slapos-node.cfg"), "slapos.cfg"));
        assertThat(node.computerId()).contains("COMP-4242");
        assertThat(node.masterUrl()).contains("https://slap.vifib.com/");
        assertThat(node.certFile()).contains("/etc/opt/slapos/ssl/computer.crt");
        assertThat(node.instanceStorageHome()).contains("/data");
        assertThat(node.sharedPartList()).containsExactly("/opt/slapgrid/read_only_shared", "/opt/slapgrid/shared");
        assertThat(node.interfaceName()).contains("eth0");
        assertThat(node.ipv6Interface()).contains("lo");
        assertThat(node.createTap()).isFalse();
        assertThat(node.tapIpv6()).isTrue();
        assertThat(node.createTun()).isFalse();
        assertThat(node.partitionAmount()).contains(20);
        assertThat(node.ipv6Prefixshift()).isEqualTo(16);
        assertThat(node.partitionBaseName()).isEqualTo("slappart");
        assertThat(node.softwareUser()).isEqualTo("slapsoft");
        assertThat(node.computerXml()).contains("/opt/slapos/slapos.xml");
        assertThat(node.formatProblems()).isEmpty();
        assertThat(node.masterRestUrl()).isEmpty();
    }

    @Test
    void settersEditOnlyTheirLines() throws Exception {
        Path file = dir.resolve("slapos.cfg");
        String original = IniFileTest.resource("slapos-node.cfg");
        Files.writeString(file, original);
        SlaposNodeConfig node = SlaposNodeConfig.load(file);
        node.setInterfaceName("br0");
        node.setIpv6Interface("re6stnet-tcp");
        node.setCreateTap(true);
        node.setPartitionAmount(30);
        node.setInstanceStorageHome("/srv/data");
        node.setComputerId("COMP-9");
        node.setMasterUrl("http://127.0.0.1:8080");
        node.setCreateTun(true);
        node.save();
        String expected = original.replace("interface_name = eth0", "interface_name = br0")
                .replace("ipv6_interface = lo", "ipv6_interface = re6stnet-tcp")
                .replace("create_tap = false", "create_tap = true")
                .replace("partition_amount = 20", "partition_amount = 30")
                .replace("instance_storage_home = /data", "instance_storage_home = /srv/data")
                .replace("computer_id = COMP-4242", "computer_id = COMP-9")
                .replace("master_url = https://slap.vifib.com/", "master_url = http://127.0.0.1:8080")
                .replace("ipv4_local_network = 10.0.0.0/16\n", "ipv4_local_network = 10.0.0.0/16\ncreate_tun = true\n");
        assertThat(Files.readString(file)).isEqualTo(expected);
        SlaposNodeConfig again = SlaposNodeConfig.load(file);
        assertThat(again.createTap()).isTrue();
        assertThat(again.partitionAmount()).contains(30);
    }

    @Test
    void aKeyInTheOtherSectionIsEditedWhereItIs() {
        SlaposNodeConfig node = new SlaposNodeConfig(
                IniFile.parse("[slapos]\ninterface_name = eth1\n[slapformat]\ninterface_name = eth0\n", "x"));
        assertThat(node.interfaceName()).contains("eth1");
        node.setInterfaceName("eth2");
        assertThat(node.ini().render())
                .isEqualTo("[slapos]\ninterface_name = eth2\n[slapformat]\ninterface_name = eth0\n");
        node.unset("interface_name");
        assertThat(node.ini().render()).isEqualTo("[slapos]\n[slapformat]\n");
        assertThat(node.ipv6Interface()).isEmpty();
    }

    @Test
    void reportsWhatFormatWouldRefuse() {
        SlaposNodeConfig node = new SlaposNodeConfig(IniFile.parse(
                "[slapos]\nmaster_url = http://m\n[slapformat]\ncreate_tap = yes\nbridge_name = br0\n"
                        + "partition_amount = 20\nipv6_prefixshift = 6\n",
                "x"));
        List<String> problems = node.formatProblems();
        assertThat(problems)
                .anyMatch(p -> p.startsWith("computer_id is not set"))
                .anyMatch(p -> p.startsWith("computer_xml is not set; add it to [slapformat]"))
                .anyMatch(p -> p.contains("bridge_name is no longer supported"))
                .anyMatch(p -> p.equals("create_tap needs to be true or false, not 'yes'"))
                .anyMatch(p -> p.startsWith("ipv6_prefixshift 6 is too small for partition_amount 20"))
                .hasSize(7);
        node.setIpv6Prefixshift(7);
        assertThat(node.formatProblems()).noneMatch(p -> p.startsWith("ipv6_prefixshift"));
    }
}
