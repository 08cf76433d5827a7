package org.slapdesk.gui.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.master.MasterProfile;

class ProfileEditorViewModelTest {

    @TempDir
    Path dir;

    private final ProfileEditorViewModel model =
            new ProfileEditorViewModel(Set.of("production")::contains, Clock.systemUTC());

    @Test
    void aNewProfileGetsAColourNoOtherProfileHas() {
        List<MasterProfile> existing = new ArrayList<>(List.of(MasterProfile.local()));
        List<String> picked = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            ProfileEditorViewModel editor = new ProfileEditorViewModel(name -> false, Clock.systemUTC());
            editor.pickColourUnlike(existing);
            picked.add(editor.colourProperty().get());
            existing.add(MasterProfile.plain("master-" + n, "http://127.0.0.1:1" + n + "/")
                    .withColour(editor.colourProperty().get()));
        }
        assertThat(picked)
                .doesNotHaveDuplicates()
                .doesNotContain(MasterProfile.local().colour());
    }

    @Test
    void aMatchingCertificateAndKeyMakeAValidProfile() throws Exception {
        KeyPair pair = keyPair();
        Path cert = write("client.crt", certificate(pair));
        Path key = write("client.key", pem(pair.getPrivate()));
        model.nameProperty().set("staging");
        model.masterUrlProperty().set("https://slap.example/");
        model.certificateProperty().set(cert.toString());
        model.keyProperty().set(key.toString());

        assertThat(model.certificateErrorProperty().get()).isEmpty();
        assertThat(model.validBinding().get()).isTrue();
        MasterProfile profile = model.toProfile();
        assertThat(profile.kind()).isEqualTo(MasterProfile.Kind.REMOTE);
        assertThat(profile.certFile()).contains(cert);
        assertThat(profile.keyFile()).contains(key);
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsRefusedBeforeSaving() throws Exception {
        Path cert = write("client.crt", certificate(keyPair()));
        Path otherKey = write("other.key", pem(keyPair().getPrivate()));
        model.nameProperty().set("staging");
        model.masterUrlProperty().set("https://slap.example/");
        model.certificateProperty().set(cert.toString());
        model.keyProperty().set(otherKey.toString());

        assertThat(model.certificateErrorProperty().get())
                .containsIgnoringCase("key")
                .contains("other.key");
        assertThat(model.validBinding().get()).isFalse();
    }

    @Test
    void eachFieldSaysWhatIsWrong() throws Exception {
        assertThat(model.nameErrorProperty().get()).isEqualTo("give the profile a name");
        model.nameProperty().set("production");
        assertThat(model.nameErrorProperty().get()).contains("already called 'production'");
        model.nameProperty().set("local");
        assertThat(model.nameErrorProperty().get()).contains("already called");
        model.nameProperty().set("mine");
        assertThat(model.nameErrorProperty().get()).isEmpty();

        model.masterUrlProperty().set("ftp://slap.example");
        assertThat(model.urlErrorProperty().get()).contains("not an http:// or https:// URL");
        model.masterUrlProperty().set("http://127.0.0.1:8080/");
        assertThat(model.urlErrorProperty().get()).isEmpty();

        model.certificateProperty().set(dir.resolve("missing.crt").toString());
        assertThat(model.certificateErrorProperty().get()).isEqualTo("a certificate needs its key file too");
        model.keyProperty().set(dir.resolve("missing.key").toString());
        assertThat(model.certificateErrorProperty().get()).contains("missing.crt does not exist");
        model.caProperty().set(write("ca.pem", "not a certificate").toString());
        assertThat(model.validBinding().get()).isFalse();

        model.certificateProperty().set("");
        model.keyProperty().set("");
        model.caProperty().set("");
        assertThat(model.validBinding().get()).isTrue();
    }

    @Test
    void editingKeepsTheProfilesValues() {
        MasterProfile existing = MasterProfile.plain("lab", "http://127.0.0.1:1/")
                .withRestUrl(URI.create("http://127.0.0.1:1/hateoas/"))
                .withColour("#123456");
        model.edit(existing);
        assertThat(model.toProfile()).isEqualTo(existing);
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String certificate(KeyPair pair) throws Exception {
        X500Name subject = new X500Name("CN=slapdesk-test");
        Instant now = Instant.now();
        X509CertificateHolder holder = new JcaX509v3CertificateBuilder(
                        subject,
                        BigInteger.valueOf(now.toEpochMilli()),
                        Date.from(now.minus(1, ChronoUnit.DAYS)),
                        Date.from(now.plus(30, ChronoUnit.DAYS)),
                        subject,
                        pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
        return pem(holder);
    }

    private static String pem(Object object) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    @Test
    void theRestUrlIsEditedCheckedAndKept() {
        model.nameProperty().set("api");
        model.masterUrlProperty().set("http://127.0.0.1:1/");
        model.restUrlProperty().set("not a url");
        assertThat(model.restUrlErrorProperty().get()).contains("not");
        assertThat(model.validBinding().get()).isFalse();

        model.restUrlProperty().set("http://127.0.0.1:1/hateoas/");
        assertThat(model.validBinding().get()).isTrue();
        assertThat(model.toProfile().restUrl()).contains(URI.create("http://127.0.0.1:1/hateoas/"));

        model.restUrlProperty().set("");
        assertThat(model.toProfile().restUrl()).isEmpty();
    }

    @Test
    void theApiUrlIsOptionalCheckedAndKeptThroughAnEdit() {
        model.nameProperty().set("real");
        model.masterUrlProperty().set("http://127.0.0.1:1/");
        assertThat(model.toProfile().apiUrl()).isEmpty();

        model.apiUrlProperty().set("ftp://127.0.0.1/");
        assertThat(model.apiUrlErrorProperty().get()).contains("http");
        assertThat(model.validBinding().get()).isFalse();

        String api = "http://127.0.0.1:1/erp5/portal_web_services/slapos_master_api/";
        model.apiUrlProperty().set(api);
        assertThat(model.validBinding().get()).isTrue();
        MasterProfile saved = model.toProfile();
        assertThat(saved.apiUrl()).contains(URI.create(api));

        ProfileEditorViewModel again = new ProfileEditorViewModel(name -> false, Clock.systemUTC());
        again.edit(saved);
        assertThat(again.apiUrlProperty().get()).isEqualTo(api);
        assertThat(again.toProfile()).isEqualTo(saved);
    }
}
