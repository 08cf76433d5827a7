package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.master.CertificateIssuer.Issued;
import org.slapdesk.master.CertificateIssuer.Role;
import org.slapdesk.master.MasterQueries.NodeView;
import org.slapdesk.master.tls.CertificateAuthority;
import org.slapdesk.testlab.SlaposVenv;
import org.slapdesk.testlab.TestHost;
import org.slapdesk.testlab.TestLab;

/**
 * The real {@code slapos node format --now} on a test host (its own network namespace and
 * overlay root) registers its partitions with the local master, over HTTPS with a node
 * certificate from the master's CA, exactly as a remote node would.
 */
class RealNodeFormatTest {

    @TempDir
    Path dir;

    @Test
    void aRealNodeFormatsAgainstTheLocalMasterOverMutualTls() throws Exception {
        SlaposVenv venv = SlaposVenv.require();
        try (TestLab lab = TestLab.open();
                TestHost host = lab.startHost()) {
            CertificateAuthority ca = CertificateAuthority.init(dir.resolve("ca"), "format test CA");
            InetAddress listen = InetAddress.getByName(host.hostSideAddress());
            try (LocalMaster master = LocalMaster.start(new LocalMaster.Options(
                    dir.resolve("m.sqlite"),
                    new InetSocketAddress(listen, 0),
                    null,
                    ca.serverContext(List.of(host.hostSideAddress())),
                    ca,
                    0,
                    0))) {
                Issued node = ca.issue(Role.NODE, "COMP-NS");
                host.sh("mkdir -p /etc/opt/slapos/ssl /opt/slapos/log");
                host.writeFile("/etc/opt/slapos/ssl/certificate", node.certificatePem());
                host.writeFile("/etc/opt/slapos/ssl/key", node.privateKeyPem());
                host.sh("chmod 600 /etc/opt/slapos/ssl/key");
                host.writeFile(
                        "/etc/opt/slapos/slapos.cfg",
                        String.join(
                                "\n",
                                "[slapos]",
                                "computer_id = COMP-NS",
                                "master_url = " + master.url(),
                                "key_file = /etc/opt/slapos/ssl/key",
                                "cert_file = /etc/opt/slapos/ssl/certificate",
                                "certificate_repository_path = /etc/opt/slapos/ssl/partition_pki",
                                "software_root = /opt/slapgrid",
                                "instance_root = /srv/slapgrid",
                                "",
                                "[slapformat]",
                                "interface_name = eth0",
                                "create_tap = false",
                                "partition_amount = 3",
                                "computer_xml = /opt/slapos/slapos.xml",
                                "log_file = /opt/slapos/log/slapos-node-format.log",
                                "partition_base_name = slappart",
                                "user_base_name = slapuser",
                                "tap_base_name = slaptap",
                                "ipv4_local_network = 10.0.0.0/16",
                                ""));
                TestHost.ExecResult format = host.exec(
                        venv.slapos().toString(),
                        "node",
                        "format",
                        "--now",
                        "--cfg",
                        "/etc/opt/slapos/slapos.cfg",
                        "--alter_user",
                        "True",
                        "--alter_network",
                        "True");
                String log = format.stdout()
                        + format.stderr()
                        + host.exec("cat", "/opt/slapos/log/slapos-node-format.log")
                                .stdout();
                assertThat(format.exitCode()).as(log).isZero();

                List<NodeView> nodes = master.queries().nodes("COMP-NS");
                assertThat(nodes).as(log).hasSize(1);
                assertThat(nodes.get(0).partitions())
                        .extracting(p -> p.reference())
                        .containsExactly("slappart0", "slappart1", "slappart2");
                // the node's IPv6 on eth0 was given to its partitions
                String prefix = host.address().substring(0, host.address().lastIndexOf(':'));
                var instance = master.service()
                        .request(new InstanceRequestForm(
                                "https://lab.example/sr.cfg",
                                "on-ns",
                                null,
                                Map.of(),
                                Map.of(),
                                null,
                                false,
                                null,
                                null));
                assertThat(instance.allocated()).isTrue();
                assertThat(master.queries()
                                .instanceByGuid(instance.instance().guid())
                                .orElseThrow()
                                .get("ip_list")
                                .toString())
                        .contains(prefix);
            }
        }
    }
}
