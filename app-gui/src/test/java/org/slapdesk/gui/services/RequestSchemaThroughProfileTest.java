package org.slapdesk.gui.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.master.Master;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.SoftwareTypeEntry;
import org.slapdesk.gui.Direct;
import org.slapdesk.gui.profile.Profiles;
import org.slapdesk.master.CertificateIssuer;
import org.slapdesk.master.tls.CertificateAuthority;

/**
 * The request dialog reads a release's schema the way the master client talks: a release served
 * over HTTPS by a server whose certificate the profile's pinned CA signed, and which only lets in
 * client certificates of that CA, loads through the profile.
 */
class RequestSchemaThroughProfileTest {

    private static final Map<String, String> RELEASE = Map.of(
            "/sr/software.cfg.json",
            "{\"name\": \"Pinned\", \"software-type\": {"
                    + "\"cluster\": {\"index\": 0},"
                    + "\"default\": {\"index\": 1, \"request\": \"input.json\"}}}",
            "/sr/input.json",
            "{\"type\": \"object\", \"properties\": {\"size\": {\"type\": \"integer\"}}}");

    @TempDir
    Path dir;

    private final Direct direct = new Direct(Instant.parse("2026-11-23T15:00:00Z"));
    private HttpsServer server;
    private Path ca;
    private Path certificate;
    private Path key;
    private Master master;

    @BeforeEach
    void serveTheReleaseOverTls() throws Exception {
        CertificateAuthority authority = CertificateAuthority.init(dir.resolve("ca"), "test CA");
        ca = Files.writeString(dir.resolve("ca.pem"), authority.certificatePem());
        certificate = dir.resolve("user.crt");
        key = dir.resolve("user.key");
        CertificateAuthority.write(authority.issue(CertificateIssuer.Role.USER, "operator"), certificate, key);
        SSLContext context = authority.serverContext(List.of("127.0.0.1"));
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = context.getDefaultSSLParameters();
                parameters.setNeedClientAuth(true);
                params.setSSLParameters(parameters);
            }
        });
        server.createContext("/", exchange -> {
            String body = RELEASE.get(exchange.getRequestURI().getPath());
            byte[] bytes = (body == null ? "missing" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        if (master != null) {
            master.close();
        }
        server.stop(0);
    }

    private String base() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private RequestViewModel dialogThrough(MasterProfile profile) throws Exception {
        master = Profiles.connect(profile, dir.resolve("unused-local.sqlite"));
        return new RequestViewModel(direct.tasks, () -> Optional.of(master.releaseSchemas()));
    }

    private MasterProfile profile(Optional<Path> pinnedCa) {
        MasterProfile profile = MasterProfile.plain("pinned", base()).withClientCertificate(certificate, key);
        return pinnedCa.map(profile::withCa).orElse(profile);
    }

    @Test
    void theReleaseLoadsWithTheProfilesCaAndCertificateAndRootSoftwareInstanceIsDefault() throws Exception {
        RequestViewModel model = dialogThrough(profile(Optional.of(ca)));
        model.prefill(
                "old-service", base() + "sr/software.cfg", "RootSoftwareInstance", false, Map.of(), Optional.empty());
        model.loadSchema();

        assertThat(model.typeChoices()).extracting(SoftwareTypeEntry::key).containsExactly("cluster", "default");
        assertThat(model.typeChoiceProperty().get().key()).isEqualTo("default");
        assertThat(model.modeProperty().get()).isEqualTo(RequestViewModel.Mode.FORM);
        assertThat(model.fields()).extracting(f -> f.spec().name()).containsExactly("size");
        assertThat(model.schemaStatusProperty().get()).contains("Pinned");
    }

    @Test
    void withoutThePinnedCaTheServerIsNotTrustedAndTheDialogSaysWhy() throws Exception {
        RequestViewModel model = dialogThrough(profile(Optional.empty()));
        model.releaseProperty().set(base() + "sr/software.cfg");
        model.loadSchema();

        assertThat(model.formAvailableProperty().get()).isFalse();
        assertThat(model.schemaStatusProperty().get())
                .contains("Cannot read the schema document " + base() + "sr/software.cfg.json")
                .contains("not trusted");
    }
}
