package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.wire.XmlMarshal;
import org.slapdesk.master.CertificateIssuer.Issued;
import org.slapdesk.master.CertificateIssuer.Role;
import org.slapdesk.master.tls.CertificateAuthority;

/** Revoked certificates stop working; a node reference is given out once, by hand or by registration. */
class CertificateLifecycleTest {

    @TempDir
    Path dir;

    CertificateAuthority ca;
    LocalMaster master;

    @BeforeEach
    void start() throws Exception {
        ca = CertificateAuthority.init(dir.resolve("ca"), "test CA");
        SSLContext tls = ca.serverContext(List.of("127.0.0.1", "localhost"));
        master = LocalMaster.start(new LocalMaster.Options(
                dir.resolve("m.sqlite"),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                null,
                tls,
                ca,
                0,
                0));
    }

    @AfterEach
    void stop() {
        master.close();
    }

    private TlsClient as(Issued certificate) throws Exception {
        return new TlsClient(master.url(), ca.clientContext(certificate));
    }

    private void format(TlsClient node, String computer) throws Exception {
        String xml = XmlMarshal.dumps(Map.of("reference", computer, "partition_list", List.of()));
        HttpResponse<String> formatted =
                node.form("loadComputerConfigurationFromXML", MasterHttp.encode(MasterHttp.form("xml", xml)));
        assertThat(formatted.statusCode()).as(formatted.body()).isEqualTo(200);
    }

    @Test
    void aRevokedNodeCertificateIsRefusedFromTheNextRequestOn() throws Exception {
        Issued nodeCertificate = ca.issue(Role.NODE, "COMP-1");
        TlsClient node = as(nodeCertificate);
        format(node, "COMP-1");
        assertThat(node.get("getComputerStatus?computer_id=COMP-1").statusCode())
                .isEqualTo(200);
        // a new certificate first, as a node replacing its own would
        HttpResponse<String> generated = node.form("generateComputerCertificate", "computer_id=COMP-1");
        assertThat(generated.statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = node.form("revokeComputerCertificate", "computer_id=COMP-1");
        assertThat(revoked.statusCode()).isEqualTo(200);

        HttpResponse<String> after = node.get("getComputerStatus?computer_id=COMP-1");
        assertThat(after.statusCode()).isEqualTo(403);
        assertThat(after.body()).contains("revoked");
        // kept in the database: a restarted master still refuses it
        master.close();
        master = LocalMaster.start(new LocalMaster.Options(
                dir.resolve("m.sqlite"),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                null,
                ca.serverContext(List.of("127.0.0.1", "localhost")),
                ca,
                0,
                0));
        assertThat(as(ca.issue(Role.USER, "alice")).get("getHateoasUrl").statusCode())
                .isEqualTo(200);
        TlsClient sameNodeAgain = as(nodeCertificate);
        assertThat(sameNodeAgain.get("getComputerStatus?computer_id=COMP-1").statusCode())
                .isEqualTo(403);
    }

    @Test
    void aUserRevokesEveryCertificateOfANodeAndANewOneWorks() throws Exception {
        Issued first = ca.issue(Role.NODE, "COMP-1");
        Issued second = ca.issue(Role.NODE, "COMP-1");
        format(as(first), "COMP-1");
        TlsClient alice = as(ca.issue(Role.USER, "alice"));
        assertThat(alice.form("revokeComputerCertificate", "computer_id=COMP-1").statusCode())
                .isEqualTo(200);
        assertThat(as(first).get("getComputerStatus?computer_id=COMP-1").statusCode())
                .isEqualTo(403);
        assertThat(as(second).get("getComputerStatus?computer_id=COMP-1").statusCode())
                .isEqualTo(403);
        Issued third = ca.issue(Role.NODE, "COMP-1");
        assertThat(as(third).get("getComputerStatus?computer_id=COMP-1").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRegistrationNeverReusesAReferenceIssuedByHand() throws Exception {
        ca.issue(Role.NODE, "COMP-4"); // serve issue-node COMP-4, not formatted yet
        String token = master.service()
                .registrations()
                .tokens()
                .create(AccessTokens.Kind.NODE, "test", AccessTokens.DEFAULT_VALIDITY);
        Registrations.RegisteredNode registered =
                master.service().registrations().registerNode(token, "laptop");
        assertThat(registered.reference()).isEqualTo("COMP-5");
    }
}
