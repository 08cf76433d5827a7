package org.slapdesk.gui.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.store.AppStore;

class ProfilesTest {

    @TempDir
    Path dir;

    @Test
    void theSlaposClientConfigurationIsOfferedWithItsProductAliases() throws Exception {
        Path cert = Files.writeString(dir.resolve("certificate"), "x");
        Path key = Files.writeString(dir.resolve("key"), "x");
        Path cfg = Files.writeString(
                dir.resolve("slapos-client.cfg"),
                String.join(
                        "\n",
                        "[slapos]",
                        "master_url = https://slap.example/",
                        "master_rest_url = https://api.slap.example/",
                        "",
                        "[slapconsole]",
                        "cert_file = " + cert,
                        "key_file = " + key,
                        "alias =",
                        "  webrunner https://lab.example/software/slaprunner/software.cfg",
                        ""));
        Optional<MasterProfile> profile = Profiles.clientConfigProfile(cfg);
        assertThat(profile).isPresent();
        assertThat(profile.get().name()).isEqualTo(Profiles.CLIENT_CONFIG_NAME);
        assertThat(profile.get().masterUrl()).contains(URI.create("https://slap.example/"));
        assertThat(profile.get().restUrl()).contains(URI.create("https://api.slap.example/"));
        assertThat(profile.get().certFile()).contains(cert);
        assertThat(profile.get().keyFile()).contains(key);
        assertThat(profile.get().productAliases())
                .containsEntry("webrunner", "https://lab.example/software/slaprunner/software.cfg");
    }

    @Test
    void aMissingOrBrokenConfigurationIsSimplyNotOffered() throws Exception {
        assertThat(Profiles.clientConfigProfile(dir.resolve("none.cfg"))).isEmpty();
        Path broken = Files.writeString(dir.resolve("broken.cfg"), "[slapos]\nnothing = here\n");
        assertThat(Profiles.clientConfigProfile(broken)).isEmpty();
    }

    @Test
    void savedProfilesComeBackAfterTheLocalOne() {
        try (AppStore store = AppStore.open(dir.resolve("slapdesk.db"))) {
            MasterProfile lab = MasterProfile.plain("lab", "http://127.0.0.1:9/")
                    .withRestUrl(URI.create("http://127.0.0.1:9/hateoas/"))
                    .withColour("#ff8800");
            store.profiles().save(lab);
            List<MasterProfile> offered = Profiles.forThisUser(store).all();
            assertThat(offered.get(0).kind()).isEqualTo(MasterProfile.Kind.LOCAL);
            assertThat(offered).contains(lab);
        }
    }
}
