package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
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
        if (master != null) {
            master.close();
        }
    }

    @Test
    void caFilesArePrivate() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca/ca.key"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca"))))
                .isEqualTo("rwx------");
        assertThatThrownBy(() -> CertificateAuthority.init(dir.resolve("ca"), "again"))
                .hasMessageContaining("already exists");
        CertificateAuthority.write(ca.issue(Role.USER, "u"), dir.resolve("u.crt"), dir.resolve("u.key"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("u.key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void onlyCertificatesOfOurCaGetInAndNodesOnlySeeThemselves() throws Exception {
        assertThat(master.url().getScheme()).isEqualTo("https");
        Issued user = ca.issue(Role.USER, "alice");
        Issued node = ca.issue(Role.NODE, "COMP-1");
        Issued otherNode = ca.issue(Role.NODE, "COMP-2");

        assertThat(get(ca.clientContext(user), "getHateoasUrl").statusCode()).isEqualTo(200);
        assertThat(get(ca.clientContext(node), "getFullComputerInformation?computer_id=COMP-1")
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> foreign =
                get(ca.clientContext(otherNode), "getFullComputerInformation?computer_id=COMP-1");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("COMP-2");
        assertThat(get(ca.clientContext(node), "hateoas/").statusCode()).isEqualTo(403);

        // a certificate from another CA does not complete the handshake
        CertificateAuthority stranger = CertificateAuthority.init(dir.resolve("other-ca"), "stranger");
        Issued strangerUser = stranger.issue(Role.USER, "mallory");
        SSLContext strangerContext = stranger.clientContext(strangerUser);
        assertThatThrownBy(() -> get(strangerContext, "getHateoasUrl")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> get(strangerContext, "Person_requestComputer")).isInstanceOf(IOException.class);
    }

    @Test
    void withoutACertificateOnlyTheTokenPaidEndpointsAnswer() throws Exception {
        SSLContext anonymous = anonymous();
        for (String path : List.of(
                "getHateoasUrl",
                "getFullComputerInformation?computer_id=COMP-1",
                "hateoas/",
                "hateoas/computer_module/Base_getComputerToken",
                "supplySupply")) {
            HttpResponse<String> refused = get(anonymous, path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.body()).as(path).startsWith("a client certificate is required");
        }
        HttpResponse<String> jsonRpc =
                post(anonymous, "slapos.get.v0.software_instance", "application/json", "{}", Map.of());
        assertThat(jsonRpc.statusCode()).isEqualTo(403);
        assertThat(jsonRpc.body()).contains("a client certificate is required");

        // the two Person_* endpoints need a token instead, and say what is wrong with it
        HttpResponse<String> noToken = post(anonymous, "Person_requestComputer", FORM, "title=n1", Map.of());
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("no X-Access-Token header");
        HttpResponse<String> badToken =
                post(anonymous, "Person_getCertificate", FORM, "", Map.of("X-Access-Token", "nope"));
        assertThat(badToken.statusCode()).isEqualTo(403);
        assertThat(badToken.body()).startsWith("unknown token");
        String userToken = master.service()
                .registrations()
                .tokens()
                .create(AccessTokens.Kind.USER, "bob", AccessTokens.DEFAULT_VALIDITY);
        HttpResponse<String> wrongKind =
                post(anonymous, "Person_requestComputer", FORM, "title=n1", Map.of("X-Access-Token", userToken));
        assertThat(wrongKind.statusCode()).isEqualTo(403);
        assertThat(wrongKind.body())
                .contains("is for a user certificate (slapos configure client), not for registering");
        HttpResponse<String> noTitle = post(
                anonymous,
                "Person_requestComputer",
                FORM,
                "",
                Map.of(
                        "X-Access-Token",
                        master.service()
                                .registrations()
                                .tokens()
                                .create(AccessTokens.Kind.NODE, null, AccessTokens.DEFAULT_VALIDITY)));
        assertThat(noTitle.statusCode()).isEqualTo(400);
        assertThat(noTitle.body()).contains("missing 'title'");

        HttpResponse<String> user =
                post(anonymous, "Person_getCertificate", FORM, "", Map.of("X-Access-Token", userToken));
        assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
        JsonNode issued = new ObjectMapper().readTree(user.body());
        Issued bob =
                new Issued(issued.get("certificate").asText(), issued.get("key").asText());
        assertThat(get(ca.clientContext(bob), "hateoas/").statusCode()).isEqualTo(200);
        HttpResponse<String> token = get(ca.clientContext(bob), "hateoas//computer_module/Base_getComputerToken");
        assertThat(token.statusCode()).isEqualTo(200);
        String nodeToken =
                new ObjectMapper().readTree(token.body()).get("access_token").asText();
        HttpResponse<String> node =
                post(anonymous, "Person_requestComputer", FORM, "title=from+bob", Map.of("X-Access-Token", nodeToken));
        assertThat(node.statusCode()).as(node.body()).isEqualTo(200);
        JsonNode registered = new ObjectMapper().readTree(node.body());
        assertThat(registered.get("reference").asText()).isEqualTo("COMP-1");
        assertThat(registered.get("relative_url").asText()).isEqualTo("compute_node_module/COMP-1");
        Issued comp1 = new Issued(
                registered.get("certificate").asText(), registered.get("key").asText());
        assertThat(get(ca.clientContext(comp1), "getFullComputerInformation?computer_id=COMP-1")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void withoutACaThereAreNoCertificatesToGive() throws Exception {
        try (LocalMaster plain = LocalMaster.start(
                dir.resolve("plain.sqlite"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            String token = plain.service()
                    .registrations()
                    .tokens()
                    .create(AccessTokens.Kind.NODE, null, AccessTokens.DEFAULT_VALIDITY);
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> refused = client.send(
                    HttpRequest.newBuilder(plain.url().resolve("Person_requestComputer"))
                            .header("Content-Type", FORM)
                            .header("X-Access-Token", token)
                            .POST(HttpRequest.BodyPublishers.ofString("title=n"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(501);
            assertThat(refused.body()).contains("no certificate authority").contains("slapdesk serve ca init");
            assertThat(plain.queries().nodes(null)).isEmpty();
        }
    }

    private static final String FORM = "application/x-www-form-urlencoded";

    private SSLContext anonymous() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll()}, null);
        return context;
    }

    private HttpResponse<String> post(
            SSLContext context, String path, String type, String body, Map<String, String> headers) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(context)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("https://localhost:" + master.url().getPort() + "/" + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theRealClientAndNodeWorkWithIssuedCertificates() throws Exception {
        SlaposVenv venv = SlaposVenv.require();
        CertificateAuthority.write(ca.issue(Role.USER, "alice"), dir.resolve("alice.crt"), dir.resolve("alice.key"));
        CertificateAuthority.write(ca.issue(Role.NODE, "COMP-1"), dir.resolve("node.crt"), dir.resolve("node.key"));
        Slapos slapos = new Slapos(
                venv,
                dir,
                master.url(),
                dir.resolve("alice.crt"),
                dir.resolve("alice.key"),
                dir.resolve("node.crt"),
                dir.resolve("node.key"));
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
        HttpClient client = HttpClient.newBuilder()
                .sslContext(context)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        URI uri = URI.create("https://localhost:" + master.url().getPort() + "/" + path);
        return client.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static X509TrustManager trustAll() {
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
    }
}
