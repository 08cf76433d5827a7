package org.slapdesk.remote.action.slapos;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.config.IniFile;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.master.AccessTokens;
import org.slapdesk.master.LocalMaster;
import org.slapdesk.master.MasterQueries.NodeView;
import org.slapdesk.master.tls.CertificateAuthority;
import org.slapdesk.remote.action.ApplyResult;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.PlanRunner;
import org.slapdesk.remote.action.ProgressListener;
import org.slapdesk.remote.testing.OnTestHost;
import org.slapdesk.testlab.SlaposVenv;

/**
 * The register action's success path: the real {@code slapos node register} on a test host,
 * against the local master (HTTPS, its own CA) listening on this machine's side of the host's
 * link, with a token from the master; then the real format with the certificate it got.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegisterWithLocalMasterTest extends OnTestHost {

    private static final String CONFIG = "/etc/opt/slapos/slapos.cfg";

    @TempDir
    static Path masterFolder;

    private LocalMaster master;
    private SlaposNode slapos;
    private String token;

    @BeforeAll
    void startMaster() throws Exception {
        SlaposVenv venv = SlaposVenv.require();
        CertificateAuthority ca = CertificateAuthority.init(masterFolder.resolve("ca"), "register action test CA");
        master = LocalMaster.start(new LocalMaster.Options(
                masterFolder.resolve("master.sqlite"),
                new InetSocketAddress(InetAddress.getByName(host.hostSideAddress()), 0),
                null,
                ca.serverContext(List.of(host.hostSideAddress())),
                ca,
                0,
                0));
        slapos = new SlaposNode(venv.slapos().toString(), CONFIG);
        token = master.service()
                .registrations()
                .tokens()
                .create(AccessTokens.Kind.NODE, "for the test host", AccessTokens.DEFAULT_VALIDITY);
    }

    @AfterAll
    void stopMaster() {
        if (master != null) {
            master.close();
        }
    }

    @Test
    @Order(1)
    void registerWritesTheConfigurationAndTheNodeCertificate() throws Exception {
        RegisterAction register = new RegisterAction(
                slapos,
                new RegisterAction.Options(
                        "test host",
                        token,
                        "eth0",
                        3,
                        master.url().toString(),
                        master.url().toString(),
                        "10.0.0.0/16",
                        "/opt/slapgrid",
                        "/srv/slapgrid",
                        false));
        Plan plan = register.plan(node);
        assertThat(plan.preview())
                .doesNotContain(token)
                .contains("'--master-url-web' '" + master.url().toString().replaceAll("/$", "") + "'");
        StringBuilder log = new StringBuilder();
        ApplyResult result = new PlanRunner(node).apply(register, plan, collect(log), CancellationToken.none());
        assertThat(result.verification().isOk())
                .as(log + "\n" + result.verification())
                .isTrue();
        assertThat(log.toString())
                .contains("Node has successfully been configured as COMP-1")
                .doesNotContain(token);

        IniFile cfg = IniFile.parse(host.sh("cat " + CONFIG), CONFIG);
        assertThat(cfg.get("slapos", "computer_id")).contains("COMP-1");
        assertThat(cfg.get("slapos", "master_url")).contains(master.url().toString());
        assertThat(cfg.get("slapformat", "interface_name")).contains("eth0");
        assertThat(host.sh("stat -c '%a %n' /etc/opt/slapos/ssl/key /etc/opt/slapos/ssl/certificate"))
                .isEqualTo("600 /etc/opt/slapos/ssl/key\n600 /etc/opt/slapos/ssl/certificate\n");
        assertThat(host.sh("head -1 /etc/opt/slapos/ssl/certificate"))
                .startsWith("subject=/O=Slapdesk/OU=node/CN=COMP-1/");
        List<NodeView> nodes = master.queries().nodes("COMP-1");
        assertThat(nodes).hasSize(1);
        assertThat(nodes.get(0).node().title()).isEqualTo("test host");
        assertThat(nodes.get(0).partitions()).isEmpty();
    }

    @Test
    @Order(2)
    void theRegisteredNodeFormatsWithItsCertificate() throws Exception {
        // what the slapos package would have made; the template's format log goes there
        host.sh("mkdir -p /opt/slapos/log");
        FormatAction format = new FormatAction(slapos, true);
        StringBuilder log = new StringBuilder();
        ApplyResult result =
                new PlanRunner(node).apply(format, format.plan(node), collect(log), CancellationToken.none());
        assertThat(result.verification().isOk())
                .as(log + "\n" + result.verification())
                .isTrue();
        assertThat(master.queries().nodes("COMP-1").get(0).partitions())
                .as(log.toString())
                .extracting(p -> p.reference())
                .containsExactly("slappart0", "slappart1", "slappart2");
        assertThat(master.queries().nodes("COMP-1").get(0).node().title()).isEqualTo("test host");
    }

    @Test
    @Order(3)
    void theUsedTokenCannotRegisterAgainAndNothingChanges() throws Exception {
        String before = snapshot("/etc/opt");
        RegisterAction again = new RegisterAction(
                slapos,
                new RegisterAction.Options(
                        "another",
                        token,
                        "eth0",
                        3,
                        master.url().toString(),
                        master.url().toString(),
                        "10.0.0.0/16",
                        "/opt/slapgrid",
                        "/srv/slapgrid",
                        false));
        StringBuilder log = new StringBuilder();
        Assertions.assertThatThrownBy(() ->
                        new PlanRunner(node).apply(again, again.plan(node), collect(log), CancellationToken.none()))
                .hasMessageContaining("Everything the plan changed was undone");
        assertThat(log.toString()).contains("Access denied to the SlapOS Master");
        assertThat(snapshot("/etc/opt")).isEqualTo(before);
        assertThat(master.queries().nodes(null)).hasSize(1);
    }

    private static ProgressListener collect(StringBuilder log) {
        return new ProgressListener() {
            @Override
            public void stdout(String line) {
                log.append(line).append('\n');
            }

            @Override
            public void stderr(String line) {
                log.append(line).append('\n');
            }
        };
    }
}
