package org.slapdesk.core.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.master.MasterException.AuthenticationFailed;
import org.slapdesk.core.master.MasterException.AuthenticationFailed.Reason;
import org.slapdesk.core.wire.XmlMarshal;

/**
 * A real mutual-TLS round trip: a JDK HTTPS server on 127.0.0.1 demanding a client
 * certificate, BouncyCastle making the CA, server and client certificates. The success path,
 * and each way it goes wrong gives its own type, reason and message.
 */
class MutualTlsTest {

    @TempDir
    Path dir;

    private TestPki.Issued ca;
    private Path caPem;
    private final List<String> seenClients = new CopyOnWriteArrayList<>();
    private HttpsServer server;
    private ExecutorService executor;

    @BeforeEach
    void createCa() throws Exception {
        ca = TestPki.ca("Slapdesk Test Master CA");
        caPem = TestPki.writeCertificate(dir.resolve("ca.pem"), ca.certificate());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Starts a server presenting {@code serverCert}; it answers getComputerStatus with the client's CN. */
    private String startServer(TestPki.Issued serverCert, TestPki.Issued serverCa) throws Exception {
        SSLContext context = TestPki.serverContext(serverCert, serverCa, ca);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = context.getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            X509Certificate client =
                    (X509Certificate) ((HttpsExchange) exchange).getSSLSession().getPeerCertificates()[0];
            String cn = client.getSubjectX500Principal().getName();
            seenClients.add(cn);
            CannedServer.answer(exchange, 200, "text/xml", XmlMarshal.dumps(Map.of("text", "#access " + cn)));
            exchange.close();
        });
        server.start();
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private String startServer() throws Exception {
        Instant now = Instant.now();
        return startServer(TestPki.server(ca, "127.0.0.1", now.minusSeconds(3600), now.plus(Duration.ofDays(1))), ca);
    }

    private MasterProfile profile(String url, TestPki.Issued client) throws Exception {
        Path cert = TestPki.writeCertificate(dir.resolve("client.crt"), client.certificate());
        Path key = TestPki.writeTraditionalKey(dir.resolve("client.key"), client.keys());
        return MasterProfile.plain("mtls", url).withClientCertificate(cert, key).withCa(caPem);
    }

    private Map<String, Object> status(MasterProfile profile) throws MasterException {
        try (MasterHttp http = MasterHttp.open(
                profile, ClientOptions.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)))) {
            return new SlapEndpoint(http, profile.requireMasterUrl()).getComputerStatus("COMP-1");
        }
    }

    private static Reason reasonOf(Throwable e) {
        return ((AuthenticationFailed) e).reason();
    }

    @Test
    void clientCertificateIsPresentedAndServerVerifiedAgainstThePinnedCa() throws Exception {
        String url = startServer();
        Map<String, Object> answer = status(profile(url, TestPki.client(ca, "admin-gui")));
        assertThat(answer).containsEntry("text", "#access CN=admin-gui");
        assertThat(seenClients).containsExactly("CN=admin-gui");
        // and through the whole client
        try (SlapMaster master = SlapMaster.open(profile(url, TestPki.client(ca, "console")))) {
            assertThat(master.nodeStatus("COMP-1"))
                    .hasValueSatisfying(s -> assertThat(s.text()).isEqualTo("#access CN=console"));
        }
    }

    @Test
    void keyThatDoesNotMatchItsCertificateFailsBeforeConnecting() throws Exception {
        String url = startServer();
        TestPki.Issued client = TestPki.client(ca, "user");
        TestPki.Issued other = TestPki.client(ca, "other");
        Path cert = TestPki.writeCertificate(dir.resolve("user.crt"), client.certificate());
        Path wrongKey = TestPki.writeTraditionalKey(dir.resolve("other.key"), other.keys());
        MasterProfile profile = MasterProfile.plain("mtls", url)
                .withClientCertificate(cert, wrongKey)
                .withCa(caPem);
        assertThatThrownBy(() -> status(profile))
                .isInstanceOf(AuthenticationFailed.class)
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.KEY_MISMATCH))
                .hasMessage("The private key " + wrongKey + " does not belong to the certificate " + cert + " (for "
                        + url + "): give the key that was issued with this certificate.");
        assertThat(seenClients).isEmpty();
    }

    @Test
    void expiredClientCertificateFailsBeforeConnecting() throws Exception {
        String url = startServer();
        Instant now = Instant.now();
        TestPki.Issued expired =
                TestPki.client(ca, "old", TestPki.rsa(), now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(2)));
        assertThatThrownBy(() -> status(profile(url, expired)))
                .isInstanceOf(AuthenticationFailed.class)
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.CLIENT_CERTIFICATE_EXPIRED))
                .hasMessageContaining("client.crt for " + url + " expired on ")
                .hasMessageContaining("ask the master for a new one");
        assertThat(seenClients).isEmpty();
    }

    @Test
    void untrustedServerCertificateIsRefused() throws Exception {
        TestPki.Issued rogueCa = TestPki.ca("Rogue CA");
        Instant now = Instant.now();
        String url = startServer(
                TestPki.server(rogueCa, "127.0.0.1", now.minusSeconds(3600), now.plus(Duration.ofDays(1))), rogueCa);
        assertThatThrownBy(() -> status(profile(url, TestPki.client(ca, "user"))))
                .isInstanceOf(AuthenticationFailed.class)
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.SERVER_UNTRUSTED))
                .hasMessageContaining("The server certificate of " + url + "getComputerStatus")
                .hasMessageContaining("is not trusted");
        // without a pinned CA, the system trust store does not know the test CA either
        MasterProfile pinned = profile(url, TestPki.client(ca, "user"));
        MasterProfile systemTrust = MasterProfile.plain("mtls", url)
                .withClientCertificate(
                        pinned.certFile().orElseThrow(), pinned.keyFile().orElseThrow());
        assertThatThrownBy(() -> status(systemTrust))
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.SERVER_UNTRUSTED));
        assertThat(seenClients).isEmpty();
    }

    @Test
    void expiredServerCertificateIsRefused() throws Exception {
        Instant now = Instant.now();
        String url = startServer(
                TestPki.server(ca, "127.0.0.1", now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1))), ca);
        assertThatThrownBy(() -> status(profile(url, TestPki.client(ca, "user"))))
                .isInstanceOf(AuthenticationFailed.class)
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.SERVER_UNTRUSTED))
                .hasMessageContaining("has expired");
    }

    @Test
    void serverCertificateForAnotherHostIsRefused() throws Exception {
        Instant now = Instant.now();
        String url = startServer(
                TestPki.server(ca, "master.example.org", now.minusSeconds(3600), now.plus(Duration.ofDays(1))), ca);
        assertThatThrownBy(() -> status(profile(url, TestPki.client(ca, "user"))))
                .isInstanceOf(AuthenticationFailed.class)
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.SERVER_UNTRUSTED))
                .hasMessageContaining("another host name");
    }

    @Test
    void serverCertificateForAnotherHostNameIsReportedAsSuchNotAsAnUntrustedCa() throws Exception {
        Instant now = Instant.now();
        String url = startServer(
                        TestPki.serverWithoutAlternativeNames(
                                ca, "master.example.org", now.minusSeconds(3600), now.plus(Duration.ofDays(1))),
                        ca)
                .replace("127.0.0.1", "localhost");
        assertThatThrownBy(() -> status(profile(url, TestPki.client(ca, "user"))))
                .isInstanceOf(AuthenticationFailed.class)
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.SERVER_UNTRUSTED))
                .hasMessageContaining("another host name")
                .hasMessageNotContaining("pinned CA");
    }

    @Test
    void serverRefusesAClientCertificateFromAnotherCa() throws Exception {
        String url = startServer();
        TestPki.Issued strangerCa = TestPki.ca("Stranger CA");
        assertThatThrownBy(() -> status(profile(url, TestPki.client(strangerCa, "stranger"))))
                .isInstanceOf(AuthenticationFailed.class)
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.REFUSED))
                .hasMessageContaining("TLS connection")
                .hasMessageContaining("client certificate");
        MasterProfile noCertificate = MasterProfile.plain("mtls", url).withCa(caPem);
        assertThatThrownBy(() -> status(noCertificate))
                .isInstanceOf(AuthenticationFailed.class)
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.REFUSED));
        assertThat(seenClients).isEmpty();
    }
}
