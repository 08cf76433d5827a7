package org.slapdesk.gui.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
                        "",
                        "[slapconsole]",
                        "cert_file = " + cert,
                        "key_file = " + key,
                        "alias =",
                        "  webrunner https://lab.example/software/slaprunner/software.cfg",
                        ""));
        Optional<Profile> profile = Profiles.clientConfigProfile(cfg);
        assertThat(profile).isPresent();
        assertThat(profile.get().masterUrl()).isEqualTo("https://slap.example/");
        assertThat(profile.get().certificate()).contains(cert);
        assertThat(profile.get().key()).contains(key);
        assertThat(profile.get().aliases())
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
            Profile lab = new Profile(
                    "lab", Profile.Kind.REMOTE, "http://127.0.0.1:9/", null, null, null, "#ff8800", Map.of());
            store.profiles().save(Profiles.toRecord(lab));
            List<Profile> offered = Profiles.forThisUser(store).all();
            assertThat(offered.get(0).kind()).isEqualTo(Profile.Kind.LOCAL);
            assertThat(offered).contains(lab);
        }
    }
}
