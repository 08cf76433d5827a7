package org.slapdesk.core.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterProfileTest {

    @TempDir
    Path dir;

    @Test
    void readsTheClientConfigurationTheWaySlaposConfigureClientWritesIt() throws Exception {
        Path cfg = Files.writeString(
                dir.resolve("slapos-client.cfg"),
                String.join(
                        "\n",
                        "[slapos]",
                        "master_url = https://slap.vifib.com/",
                        "# comment",
                        "master_rest_url: https://slap.vifib.com/hateoas",
                        "",
                        "[slapconsole]",
                        "Cert_File = " + dir.resolve("client.crt"),
                        "key_file = ~/client.key",
                        "ca_file = " + dir.resolve("ca.pem"),
                        "",
                        "[networkcache]",
                        "download-binary-cache-url = http://shacache",
                        ""));
        MasterProfile profile = MasterProfile.fromClientConfig(cfg, Path.of("/home/u"));
        assertThat(profile.masterUrl()).contains(URI.create("https://slap.vifib.com/"));
        assertThat(profile.restUrl()).contains(URI.create("https://slap.vifib.com/hateoas"));
        assertThat(profile.certFile()).contains(dir.resolve("client.crt"));
        assertThat(profile.keyFile()).contains(Path.of("/home/u/client.key"));
        assertThat(profile.caFile()).contains(dir.resolve("ca.pem"));
        assertThat(profile.usesTls()).isTrue();
    }

    @Test
    void slapconsoleFallsBackToTheSlaposSection() throws Exception {
        Path cfg = Files.writeString(
                dir.resolve("c.cfg"),
                "[slapos]\nmaster_url = http://127.0.0.1:5000\n"
                        + "cert_file = /etc/a.crt\nkey_file = /etc/a.key\n[slapconsole]\n");
        MasterProfile profile = MasterProfile.fromClientConfig(cfg);
        assertThat(profile.certFile()).contains(Path.of("/etc/a.crt"));
        assertThat(profile.restUrl()).isEmpty();
        assertThat(profile.apiUrl()).isEmpty();
    }

    @Test
    void theJsonRpcApiUrlIsReadFromTheClientConfigurationAndMustBeHttp() throws Exception {
        Path cfg = Files.writeString(
                dir.resolve("api.cfg"),
                "[slapos]\nmaster_url = http://127.0.0.1:5000\n"
                        + "master_api_url = http://127.0.0.1:5000/erp5/portal_web_services/slapos_master_api/\n");
        assertThat(MasterProfile.fromClientConfig(cfg).apiUrl())
                .contains(URI.create("http://127.0.0.1:5000/erp5/portal_web_services/slapos_master_api/"));
        Path ftp = Files.writeString(
                dir.resolve("ftp-api.cfg"), "[slapos]\nmaster_url = http://h:5000\nmaster_api_url = ftp://h/\n");
        assertThatThrownBy(() -> MasterProfile.fromClientConfig(ftp)).hasMessageContaining("master_api_url");
        assertThatThrownBy(() -> MasterProfile.plain("p", "http://h/").withApiUrl(URI.create("file:///x")))
                .hasMessageContaining("JSON-RPC API URL");
    }

    @Test
    void badConfigurationsSayWhatIsWrong() throws Exception {
        assertThatThrownBy(() -> MasterProfile.fromClientConfig(dir.resolve("missing.cfg")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining("slapos configure client");
        Path noUrl = Files.writeString(dir.resolve("n.cfg"), "[slapos]\n[slapconsole]\ncert_file = a\nkey_file = b\n");
        assertThatThrownBy(() -> MasterProfile.fromClientConfig(noUrl))
                .hasMessageContaining("no master_url in [slapos]");
        Path onlyCert = Files.writeString(
                dir.resolve("o.cfg"), "[slapos]\nmaster_url = https://m/\n[slapconsole]\ncert_file = a\n");
        assertThatThrownBy(() -> MasterProfile.fromClientConfig(onlyCert))
                .hasMessageContaining("cert_file but no key_file");
        Path httpsNoCert = Files.writeString(dir.resolve("h.cfg"), "[slapos]\nmaster_url = https://m/\n");
        assertThatThrownBy(() -> MasterProfile.fromClientConfig(httpsNoCert))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no cert_file and key_file");
        Path ftp = Files.writeString(dir.resolve("f.cfg"), "[slapos]\nmaster_url = ftp://m/\n");
        assertThatThrownBy(() -> MasterProfile.fromClientConfig(ftp))
                .hasMessageContaining("must be an http:// or https:// URL");
        assertThatThrownBy(() -> MasterProfile.plain("x", "not a url")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MasterProfile(
                        "x",
                        MasterProfile.Kind.REMOTE,
                        Optional.of(URI.create("https://m/")),
                        Optional.empty(),
                        Optional.of(Path.of("a")),
                        Optional.empty(),
                        Optional.empty(),
                        null,
                        Map.of()))
                .hasMessageContaining("give both or neither");
        assertThatThrownBy(() -> new MasterProfile(
                        "x",
                        MasterProfile.Kind.REMOTE,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        null,
                        Map.of()))
                .hasMessageContaining("needs a master URL");
        assertThatThrownBy(() -> SlapMaster.open(MasterProfile.local()))
                .isInstanceOf(MasterException.InvalidRequest.class)
                .hasMessageContaining("embedded master");
    }

    @Test
    void uriTemplatesExpandAsTheHateoasLinksNeed() {
        assertThat(UriTemplate.expand(
                        "http://h/?mode=search&query={query}&select_list={select_list}",
                        Map.of("query", "a:\"b c\"", "select_list", List.of("title", "url_string"), "limit", 40)))
                .isEqualTo("http://h/?mode=search&query=a%3A%22b%20c%22&select_list=title,url_string");
        assertThat(UriTemplate.expand("http://h/search{?query,select_list,limit}", Map.of("query", "x", "limit", 40)))
                .isEqualTo("http://h/search?query=x&limit=40");
    }
}
