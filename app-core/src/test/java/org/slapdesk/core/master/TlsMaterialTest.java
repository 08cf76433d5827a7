package org.slapdesk.core.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.master.MasterException.AuthenticationFailed;
import org.slapdesk.core.master.MasterException.AuthenticationFailed.Reason;

/** PEM reading and the checks made before any connection. */
class TlsMaterialTest {

    @TempDir
    Path dir;

    private MasterProfile profile(Path cert, Path key) {
        return MasterProfile.plain("tls", "https://127.0.0.1:1/").withClientCertificate(cert, key);
    }

    private TlsMaterial load(Path cert, Path key) throws AuthenticationFailed {
        return TlsMaterial.load(profile(cert, key), PassphraseProvider.none(), Clock.systemUTC());
    }

    private static Reason reasonOf(Throwable e) {
        return ((AuthenticationFailed) e).reason();
    }

    @Test
    void readsEveryUsualKeyFormat() throws Exception {
        TestPki.Issued ca = TestPki.ca("Test CA");
        TestPki.Issued rsa = TestPki.client(ca, "rsa-user");
        Path cert = TestPki.writeCertificate(dir.resolve("rsa.crt"), rsa.certificate());
        assertThat(load(cert, TestPki.writeTraditionalKey(dir.resolve("pkcs1.key"), rsa.keys()))
                        .clientCertificate())
                .contains(rsa.certificate());
        assertThat(Files.readString(dir.resolve("pkcs1.key"))).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(load(cert, TestPki.writePkcs8Key(dir.resolve("pkcs8.key"), rsa.keys()))
                        .clientCertificate())
                .isPresent();
        assertThat(Files.readString(dir.resolve("pkcs8.key"))).startsWith("-----BEGIN PRIVATE KEY-----");

        Instant now = Instant.now();
        TestPki.Issued ec =
                TestPki.client(ca, "ec-user", TestPki.ec(), now.minusSeconds(60), now.plus(Duration.ofDays(1)));
        Path ecCert = TestPki.writeCertificate(dir.resolve("ec.crt"), ec.certificate());
        assertThat(load(ecCert, TestPki.writeTraditionalKey(dir.resolve("ec.key"), ec.keys()))
                        .clientCertificate())
                .isPresent();
        assertThat(Files.readString(dir.resolve("ec.key"))).startsWith("-----BEGIN EC PRIVATE KEY-----");
        assertThat(load(ecCert, TestPki.writePkcs8Key(dir.resolve("ec8.key"), ec.keys()))
                        .clientCertificate())
                .isPresent();
        // the key and certificate in one file, as some users keep them
        Path both = dir.resolve("both.pem");
        Files.writeString(both, Files.readString(dir.resolve("pkcs8.key")) + Files.readString(cert));
        assertThat(load(both, both).clientCertificate()).contains(rsa.certificate());
    }

    @Test
    void encryptedKeysAskForAPassphrase() throws Exception {
        TestPki.Issued ca = TestPki.ca("Test CA");
        TestPki.Issued user = TestPki.client(ca, "user");
        Path cert = TestPki.writeCertificate(dir.resolve("user.crt"), user.certificate());
        Path pkcs8 = TestPki.writeEncryptedPkcs8Key(dir.resolve("enc8.key"), user.keys(), "open sesame");
        Path legacy = TestPki.writeLegacyEncryptedKey(dir.resolve("legacy.key"), user.keys(), "open sesame");

        for (Path key : new Path[] {pkcs8, legacy}) {
            Path[] asked = new Path[1];
            TlsMaterial material = TlsMaterial.load(
                    profile(cert, key),
                    file -> {
                        asked[0] = file;
                        return Optional.of("open sesame".toCharArray());
                    },
                    Clock.systemUTC());
            assertThat(material.clientCertificate()).contains(user.certificate());
            assertThat(asked[0]).isEqualTo(key);

            assertThatThrownBy(() -> load(cert, key))
                    .isInstanceOf(AuthenticationFailed.class)
                    .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.KEY_ENCRYPTED))
                    .hasMessageContaining(key.toString())
                    .hasMessageContaining("is encrypted: give its passphrase");
            assertThatThrownBy(() -> TlsMaterial.load(
                            profile(cert, key), f -> Optional.of("wrong".toCharArray()), Clock.systemUTC()))
                    .isInstanceOf(AuthenticationFailed.class)
                    .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.KEY_ENCRYPTED))
                    .hasMessageContaining("passphrase")
                    .hasMessageContaining("is wrong");
        }
    }

    @Test
    void keyOfAnotherCertificateIsRefusedBeforeConnecting() throws Exception {
        TestPki.Issued ca = TestPki.ca("Test CA");
        TestPki.Issued user = TestPki.client(ca, "user");
        TestPki.Issued other = TestPki.client(ca, "other");
        Path cert = TestPki.writeCertificate(dir.resolve("user.crt"), user.certificate());
        Path wrongKey = TestPki.writePkcs8Key(dir.resolve("other.key"), other.keys());
        assertThatThrownBy(() -> load(cert, wrongKey))
                .isInstanceOf(AuthenticationFailed.class)
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.KEY_MISMATCH))
                .hasMessageContaining("does not belong to the certificate " + cert);
        // an EC key against an RSA certificate
        Path ecKey = TestPki.writeTraditionalKey(dir.resolve("ec.key"), TestPki.ec());
        assertThatThrownBy(() -> load(cert, ecKey))
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.KEY_MISMATCH));
    }

    @Test
    void expiredAndNotYetValidCertificates() throws Exception {
        TestPki.Issued ca = TestPki.ca("Test CA");
        Instant now = Instant.now();
        TestPki.Issued expired =
                TestPki.client(ca, "old", TestPki.rsa(), now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)));
        Path cert = TestPki.writeCertificate(dir.resolve("old.crt"), expired.certificate());
        Path key = TestPki.writePkcs8Key(dir.resolve("old.key"), expired.keys());
        assertThatThrownBy(() -> load(cert, key))
                .isInstanceOf(AuthenticationFailed.class)
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.CLIENT_CERTIFICATE_EXPIRED))
                .hasMessageContaining("expired on");
        // the same certificate is fine on a clock from before its expiry
        Clock past = Clock.fixed(now.minus(Duration.ofDays(5)), ZoneOffset.UTC);
        assertThat(TlsMaterial.load(profile(cert, key), PassphraseProvider.none(), past)
                        .clientCertificate())
                .isPresent();
        Clock tooEarly = Clock.fixed(now.minus(Duration.ofDays(20)), ZoneOffset.UTC);
        assertThatThrownBy(() -> TlsMaterial.load(profile(cert, key), PassphraseProvider.none(), tooEarly))
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.CLIENT_CERTIFICATE_EXPIRED))
                .hasMessageContaining("check this computer's clock");
    }

    @Test
    void missingUnreadableAndGarbageFiles() throws Exception {
        TestPki.Issued ca = TestPki.ca("Test CA");
        TestPki.Issued user = TestPki.client(ca, "user");
        Path cert = TestPki.writeCertificate(dir.resolve("user.crt"), user.certificate());
        Path key = TestPki.writePkcs8Key(dir.resolve("user.key"), user.keys());
        Path missing = dir.resolve("nope.crt");
        assertThatThrownBy(() -> load(missing, key))
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.UNUSABLE_FILE))
                .hasMessage("The client certificate file " + missing
                        + " for https://127.0.0.1:1/ cannot be used: the file does not exist.");
        Path garbage = Files.writeString(dir.resolve("garbage.key"), "this is not PEM\n");
        assertThatThrownBy(() -> load(cert, garbage))
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.UNUSABLE_FILE))
                .hasMessageContaining("holds no PEM private key block");
        assertThatThrownBy(() -> load(garbage, key))
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.UNUSABLE_FILE))
                .hasMessageContaining("holds no '-----BEGIN CERTIFICATE-----' block");
        assertThatThrownBy(() -> TlsMaterial.load(
                        profile(cert, key).withCa(dir.resolve("ca.pem")), PassphraseProvider.none(), Clock.systemUTC()))
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.UNUSABLE_FILE))
                .hasMessageContaining("CA certificate file");
        Path locked = Files.copy(key, dir.resolve("locked.key"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        if (!Files.isReadable(locked)) { // root reads anything: this case only applies to other users
            assertThatThrownBy(() -> load(cert, locked)).hasMessageContaining("may not read it");
        }
        assertThatThrownBy(() -> load(cert, dir))
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.UNUSABLE_FILE));
    }
}
