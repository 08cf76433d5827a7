package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.master.CertificateIssuer.Issued;
import org.slapdesk.master.CertificateIssuer.Role;
import org.slapdesk.master.tls.CertificateAuthority;
import org.slapdesk.testlab.SlaposVenv;

/** HTTPS with client certificates from our CA: the real client and node get in, others do not. */
class TlsMasterTest {

    static final String SR = "https://lab.example/software/demo/software.cfg";

    @TempDir
    Path dir;
    CertificateAuthority ca;
    LocalMaster master;

    @BeforeEach
    void start() throws Exception {
        ca = CertificateAuthority.init(dir.resolve("ca"), "test CA");
        SSLContext tls = ca.serverContext(List.of("127.0.0.1", "localhost"));
        master = LocalMaster.start(new LocalMaster.Options(dir.resolve("m.sqlite"),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, tls, ca, 0, 0));
    }

    @AfterEach
    void stop() {
        if (master != null) {
            master.close();
        }
    }

    @Test
    void caFilesArePrivate() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca/ca.key")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca")))).isEqualTo("rwx------");
        assertThatThrownBy(() -> CertificateAuthority.init(dir.resolve("ca"), "again"))
                .hasMessageContaining("already exists");
        CertificateAuthority.write(ca.issue(Role.USER, "u"), dir.resolve("u.crt"), dir.resolve("u.key"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("u.key")))).isEqualTo("rw-------");
    }

    @Test
    void onlyCertificatesOfOurCaGetInAndNodesOnlySeeThemselves() throws Exception {
        assertThat(master.url().getScheme()).isEqualTo("https");
        Issued user = ca.issue(Role.USER, "alice");
        Issued node = ca.issue(Role.NODE, "COMP-1");
        Issued otherNode = ca.issue(Role.NODE, "COMP-2");

        assertThat(get(ca.clientContext(user), "getHateoasUrl").statusCode()).isEqualTo(200);
        assertThat(get(ca.clientContext(node), "getFullComputerInformation?computer_id=COMP-1").statusCode()).isEqualTo(404);
        HttpResponse<String> foreign = get(ca.clientContext(otherNode), "getFullComputerInformation?computer_id=COMP-1");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("COMP-2");
        assertThat(get(ca.clientContext(node), "hateoas/").statusCode()).isEqualTo(403);

        // a certificate from another CA, or none, does not complete the handshake
        CertificateAuthority stranger = CertificateAuthority.init(dir.resolve("other-ca"), "stranger");
        Issued strangerUser = stranger.issue(Role.USER, "mallory");
        SSLContext strangerContext = stranger.clientContext(strangerUser);
        SSLContext trustingButAnonymous = SSLContext.getInstance("TLS");
        trustingButAnonymous.init(null, new javax.net.ssl.TrustManager[] {trustAll()}, null);
        assertThatThrownBy(() -> get(strangerContext, "getHateoasUrl")).isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> get(trustingButAnonymous, "getHateoasUrl")).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void theRealClientAndNodeWorkWithIssuedCertificates() throws Exception {
        SlaposVenv venv = SlaposVenv.require();
        CertificateAuthority.write(ca.issue(Role.USER, "alice"), dir.resolve("alice.crt"), dir.resolve("alice.key"));
        CertificateAuthority.write(ca.issue(Role.NODE, "COMP-1"), dir.resolve("node.crt"), dir.resolve("node.key"));
        Slapos slapos = new Slapos(venv, dir, master.url(), dir.resolve("alice.crt"), dir.resolve("alice.key"),
                dir.resolve("node.crt"), dir.resolve("node.key"));
        assertThat(slapos.node("format", "COMP-1", "2").asText()).isEqualTo("done");
        Slapos.Result supply = slapos.cli("supply", SR, "COMP-1");
        assertThat(supply.exit()).as(supply.all()).isZero();
        Slapos.Result request = slapos.cli("request", "secure", SR);
        assertThat(request.exit()).as(request.all()).isZero();
        JsonNode info = slapos.node("info", "COMP-1");
        assertThat(info.get("partitions").get(0).get("title").asText()).isEqualTo("secure");
        Slapos.Result list = slapos.cli("service", "list");
        assertThat(list.all()).contains("\"secure\"");
        // with a partition certificate from the master's CA
        JsonNode certificate = slapos.node("inst", "COMP-1", "slappart0", "certificate");
        assertThat(certificate.get("certificate").asText()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(certificate.get("key").asText()).contains("PRIVATE KEY");
    }

    private HttpResponse<String> get(SSLContext context, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("https://localhost:" + master.url().getPort() + "/" + path);
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static javax.net.ssl.X509TrustManager trustAll() {
        return new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        };
    }
}
