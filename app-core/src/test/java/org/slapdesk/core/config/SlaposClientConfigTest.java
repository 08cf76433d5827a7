package org.slapdesk.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlaposClientConfigTest {

    @TempDir
    Path home;

    @Test
    void locatesLikeTheSlaposClient() {
        Map<String, String> env = Map.of(ConfigPaths.CLIENT_ENV, "~/other.cfg");
        assertThat(SlaposClientConfig.locate(Optional.of("/etc/x.cfg"), env, home))
                .isEqualTo(Path.of("/etc/x.cfg"));
        assertThat(SlaposClientConfig.locate(Optional.empty(), env, home)).isEqualTo(home.resolve("other.cfg"));
        assertThat(SlaposClientConfig.locate(Optional.empty(), Map.of(), home))
                .isEqualTo(home.resolve(".slapos/slapos-client.cfg"));
        assertThat(SlaposClientConfig.locate(Optional.of(""), Map.of(ConfigPaths.CLIENT_ENV, " "), home))
                .isEqualTo(home.resolve(".slapos/slapos-client.cfg"));
        assertThat(SlaposNodeConfig.locate(Optional.empty(), Map.of(), home))
                .isEqualTo(Path.of("/etc/opt/slapos/slapos.cfg"));
        assertThat(SlaposNodeConfig.locate(Optional.empty(), Map.of(ConfigPaths.NODE_ENV, "/n.cfg"), home))
                .isEqualTo(Path.of("/n.cfg"));
    }

    @Test
    void readsMasterCertificatesAndProducts() throws Exception {
        Path file = home.resolve(".slapos/slapos-client.cfg");
        Files.createDirectories(file.getParent());
        Files.writeString(file, IniFileTest.resource("slapos-client-aliases.cfg"));
        SlaposClientConfig config = SlaposClientConfig.load(file, home);
        assertThat(config.masterUrl()).isEqualTo("https://slap.vifib.com/");
        assertThat(config.masterRestUrl()).contains("https://slap.vifib.com/hateoas/");
        assertThat(config.certFile()).contains(home.resolve(".slapos/certificate"));
        assertThat(config.keyFile()).contains(home.resolve(".slapos/key"));
        assertThat(config.softwareProducts()).containsOnlyKeys("webrunner", "wordpress", "kvm", "re6stnet");
        assertThat(config.resolveSoftware("product.kvm"))
                .isEqualTo("https://lab.nexedi.com/nexedi/slapos/raw/1.0.238/software/kvm/software.cfg");
        assertThat(config.resolveSoftware("webrunner")).endsWith("/slaprunner/software.cfg");
        assertThat(config.resolveSoftware("https://x/y.cfg")).isEqualTo("https://x/y.cfg");
    }

    @Test
    void fallsBackToTheSlaposSectionCertificatesOnlyWhenSlapconsoleHasNone() {
        IniFile both = IniFile.parse(
                "[slapos]\nmaster_url = https://m/\ncert_file = /n.crt\nkey_file = /n.key\n"
                        + "[slapconsole]\ncert_file = /u.crt\n",
                "c");
        SlaposClientConfig c = SlaposClientConfig.from(both, Path.of("c"), home);
        assertThat(c.certFile()).contains(Path.of("/u.crt"));
        assertThat(c.keyFile()).isEmpty();
        IniFile nodeOnly =
                IniFile.parse("[slapos]\nmaster_url = https://m/\ncert_file = /n.crt\nkey_file = /n.key\n", "c");
        SlaposClientConfig n = SlaposClientConfig.from(nodeOnly, Path.of("c"), home);
        assertThat(n.certFile()).contains(Path.of("/n.crt"));
        assertThat(n.keyFile()).contains(Path.of("/n.key"));
        SlaposClientConfig proxy = SlaposClientConfig.from(
                IniFile.parse("[slapos]\nmaster_url = http://127.0.0.1:5000\n", "c"), Path.of("c"), home);
        assertThat(proxy.certFile()).isEmpty();
        assertThat(proxy.masterRestUrl()).isEmpty();
    }

    @Test
    void badFilesSayWhatToDo() {
        assertThatThrownBy(() -> SlaposClientConfig.load(home.resolve("none.cfg"), home))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining("slapos configure client");
        assertThatThrownBy(() -> SlaposClientConfig.from(
                        IniFile.parse("[slapconsole]\ncert_file = x\n", "c"), Path.of("c"), home))
                .hasMessageContaining("no master_url in [slapos]");
        assertThatThrownBy(() -> SlaposClientConfig.from(
                        IniFile.parse("[slapos]\nmaster_url = https://m/\n", "c"), Path.of("c"), home))
                .hasMessageContaining("no cert_file and key_file");
        assertThatThrownBy(() -> SlaposClientConfig.from(
                        IniFile.parse("[slapos]\nmaster_url = http://m/\nsoftware_product_list =\n  kvm\n", "c"),
                        Path.of("c"),
                        home))
                .hasMessageContaining("'kvm' is not 'name url'");
    }
}
