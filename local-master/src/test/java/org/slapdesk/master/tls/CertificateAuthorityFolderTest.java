package org.slapdesk.master.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.master.LocalMaster;

/**
 * A master started with a CA folder that holds no CA yet refuses registrations (501), and gives
 * certificates once a CA is made in the folder, by itself or by another process, with no restart.
 */
class CertificateAuthorityFolderTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalMaster master;

    @AfterEach
    void stop() {
        if (master != null) {
            master.close();
        }
    }

    @Test
    void aCaMadeInTheFolderWhileTheMasterRunsIsUsedAtOnce() throws Exception {
        Path folder = dir.resolve("master-ca");
        CertificateAuthorityFolder authority = start(folder);
        assertThat(master.service().registrations().issuesCertificates()).isFalse();
        assertThat(register("no-token-yet").statusCode()).isEqualTo(501);

        authority.create(CertificateAuthority.DEFAULT_NAME);

        assertThat(master.service().registrations().issuesCertificates()).isTrue();
        HttpResponse<String> answer = register(master.service().registrations().newNodeToken("test"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("COMP-1").contains("BEGIN CERTIFICATE");
    }

    @Test
    void aCaMadeThereByAnotherProcessIsReadAtTheNextRegistration() throws Exception {
        Path folder = dir.resolve("master-ca");
        start(folder);
        assertThat(master.service().registrations().issuesCertificates()).isFalse();

        // what 'slapdesk serve ca init' or a second window does on the same folder
        CertificateAuthority.init(folder, CertificateAuthority.DEFAULT_NAME);

        HttpResponse<String> answer = register(master.service().registrations().newNodeToken("test"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("COMP-1");
    }

    private CertificateAuthorityFolder start(Path folder) throws Exception {
        CertificateAuthorityFolder authority = new CertificateAuthorityFolder(folder);
        master = LocalMaster.start(new LocalMaster.Options(
                dir.resolve("m.sqlite"),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                null,
                null,
                authority,
                0,
                0));
        return authority;
    }

    private HttpResponse<String> register(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(master.url() + "Person_requestComputer"))
                .header("X-Access-Token", token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("title=laptop"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
