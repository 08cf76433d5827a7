package org.slapdesk.core.master;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.slapdesk.core.master.MasterException.AuthenticationFailed;
import org.slapdesk.core.master.MasterException.AuthenticationFailed.Reason;

/**
 * The TLS side of a {@link MasterProfile}: the client certificate and key read from PEM
 * (PKCS#1 RSA, SEC1 EC, PKCS#8, encrypted PKCS#8 or legacy OpenSSL encryption), checked before
 * any connection (the key belongs to the certificate, the certificate is valid today), and the
 * trust the server certificate is verified against: the profile's pinned CA, else the system
 * trust store. There is deliberately no way to skip server verification.
 */
public final class TlsMaterial {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private final Optional<PrivateKey> key;
    private final List<X509Certificate> chain;
    private final List<X509Certificate> pinnedCa;

    private TlsMaterial(Optional<PrivateKey> key, List<X509Certificate> chain, List<X509Certificate> pinnedCa) {
        this.key = key;
        this.chain = List.copyOf(chain);
        this.pinnedCa = List.copyOf(pinnedCa);
    }

    /**
     * Loads and checks the profile's certificate, key and CA.
     *
     * @throws AuthenticationFailed with reason UNUSABLE_FILE, KEY_ENCRYPTED, KEY_MISMATCH or
     *     CLIENT_CERTIFICATE_EXPIRED, and a message naming the file
     */
    public static TlsMaterial load(MasterProfile profile, PassphraseProvider passphrases, Clock clock)
            throws AuthenticationFailed {
        String endpoint = profile.masterUrl().map(URI::toString).orElse(profile.name());
        Optional<PrivateKey> key = Optional.empty();
        List<X509Certificate> chain = List.of();
        if (profile.certFile().isPresent()) {
            Path certFile = profile.certFile().get();
            Path keyFile = profile.keyFile().orElseThrow();
            chain = readCertificates(endpoint, certFile, "client certificate");
            PrivateKey privateKey = readPrivateKey(endpoint, keyFile, passphrases);
            checkKeyMatches(endpoint, chain.get(0), privateKey, certFile, keyFile);
            checkValidity(endpoint, chain.get(0), certFile, clock);
            key = Optional.of(privateKey);
        }
        List<X509Certificate> ca = profile.caFile().isPresent()
                ? readCertificates(endpoint, profile.caFile().get(), "CA certificate")
                : List.of();
        return new TlsMaterial(key, chain, ca);
    }

    public Optional<X509Certificate> clientCertificate() {
        return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(0));
    }

    public boolean pinsCa() {
        return !pinnedCa.isEmpty();
    }

    /** An SSLContext presenting the client certificate (if any) and verifying the server. */
    public SSLContext sslContext() {
        try {
            KeyManager[] keyManagers = null;
            if (key.isPresent()) {
                char[] password = randomPassword();
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                keys.setKeyEntry("client", key.get(), password, chain.toArray(X509Certificate[]::new));
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, password);
                keyManagers = kmf.getKeyManagers();
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (pinnedCa.isEmpty()) {
                tmf.init((KeyStore) null);
            } else {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                for (int i = 0; i < pinnedCa.size(); i++) {
                    trust.setCertificateEntry("ca-" + i, pinnedCa.get(i));
                }
                tmf.init(trust);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, tmf.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the JDK cannot build a TLS context: " + e.getMessage(), e);
        }
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        char[] out = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (char) ('a' + (bytes[i] & 0x0f));
        }
        return out;
    }

    static List<X509Certificate> readCertificates(String endpoint, Path file, String what) throws AuthenticationFailed {
        List<X509Certificate> out = new ArrayList<>();
        try (Reader reader = open(endpoint, file, what);
                PEMParser parser = new PEMParser(reader)) {
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof X509CertificateHolder holder) {
                    out.add(converter.getCertificate(holder));
                }
            }
        } catch (IOException | CertificateException e) {
            throw unusable(endpoint, file, what, "it is not a readable PEM certificate (" + e.getMessage() + ")", e);
        }
        if (out.isEmpty()) {
            throw unusable(endpoint, file, what, "it holds no '-----BEGIN CERTIFICATE-----' block", null);
        }
        return out;
    }

    static PrivateKey readPrivateKey(String endpoint, Path file, PassphraseProvider passphrases)
            throws AuthenticationFailed {
        Object pem;
        try (Reader reader = open(endpoint, file, "private key");
                PEMParser parser = new PEMParser(reader)) {
            pem = parser.readObject();
            while (pem != null && !isKey(pem)) {
                pem = parser.readObject();
            }
        } catch (IOException e) {
            throw unusable(endpoint, file, "private key", "it is not a readable PEM key (" + e.getMessage() + ")", e);
        }
        if (pem == null) {
            throw unusable(endpoint, file, "private key", "it holds no PEM private key block", null);
        }
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(BC);
        try {
            if (pem instanceof PEMKeyPair pair) {
                return privateKeyOf(converter, pair);
            }
            if (pem instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            char[] passphrase = passphrases
                    .passphraseFor(file)
                    .orElseThrow(() -> new AuthenticationFailed(
                            endpoint,
                            Reason.KEY_ENCRYPTED,
                            "The private key " + file + " for " + endpoint
                                    + " is encrypted: give its passphrase, or decrypt it with 'openssl pkey -in KEY -out KEY.plain'.",
                            null));
            try {
                if (pem instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    return converter.getPrivateKey(
                            encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                                    .setProvider(BC)
                                    .build(passphrase)));
                }
                PEMEncryptedKeyPair legacy = (PEMEncryptedKeyPair) pem;
                return privateKeyOf(
                        converter,
                        legacy.decryptKeyPair(new JcePEMDecryptorProviderBuilder()
                                .setProvider(BC)
                                .build(passphrase)));
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        } catch (PKCSException | IOException e) {
            if (pem instanceof PKCS8EncryptedPrivateKeyInfo || pem instanceof PEMEncryptedKeyPair) {
                throw new AuthenticationFailed(
                        endpoint,
                        Reason.KEY_ENCRYPTED,
                        "The passphrase for the private key " + file + " (for " + endpoint
                                + ") is wrong: the key could not be decrypted.",
                        e);
            }
            throw unusable(endpoint, file, "private key", "the key inside cannot be used (" + e.getMessage() + ")", e);
        } catch (OperatorCreationException e) {
            throw unusable(
                    endpoint, file, "private key", "its encryption is not supported (" + e.getMessage() + ")", e);
        }
    }

    /** The whole pair when it has its public half (a SEC1 EC key may carry its curve only there). */
    private static PrivateKey privateKeyOf(JcaPEMKeyConverter converter, PEMKeyPair pair) throws IOException {
        return pair.getPublicKeyInfo() != null
                ? converter.getKeyPair(pair).getPrivate()
                : converter.getPrivateKey(pair.getPrivateKeyInfo());
    }

    private static boolean isKey(Object pem) {
        return pem instanceof PEMKeyPair
                || pem instanceof PrivateKeyInfo
                || pem instanceof PKCS8EncryptedPrivateKeyInfo
                || pem instanceof PEMEncryptedKeyPair;
    }

    private static void checkKeyMatches(
            String endpoint, X509Certificate cert, PrivateKey key, Path certFile, Path keyFile)
            throws AuthenticationFailed {
        PublicKey publicKey = cert.getPublicKey();
        boolean matches;
        try {
            String algorithm =
                    switch (publicKey.getAlgorithm()) {
                        case "RSA" -> "SHA256withRSA";
                        case "EC" -> "SHA256withECDSA";
                        case "Ed25519", "EdDSA" -> "Ed25519";
                        case "Ed448" -> "Ed448";
                        case "DSA" -> "SHA256withDSA";
                        default ->
                            throw new GeneralSecurityException("unknown key algorithm " + publicKey.getAlgorithm());
                    };
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature signer = Signature.getInstance(algorithm, BC);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm, BC);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            matches = verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            matches = false;
        }
        if (!matches) {
            throw new AuthenticationFailed(
                    endpoint,
                    Reason.KEY_MISMATCH,
                    "The private key " + keyFile
                            + " does not belong to the certificate " + certFile + " (for " + endpoint
                            + "): give the key that was issued with this certificate.",
                    null);
        }
    }

    private static void checkValidity(String endpoint, X509Certificate cert, Path certFile, Clock clock)
            throws AuthenticationFailed {
        try {
            cert.checkValidity(Date.from(clock.instant()));
        } catch (CertificateExpiredException e) {
            throw new AuthenticationFailed(
                    endpoint,
                    Reason.CLIENT_CERTIFICATE_EXPIRED,
                    "The client certificate "
                            + certFile + " for " + endpoint + " expired on "
                            + cert.getNotAfter().toInstant()
                            + ": ask the master for a new one (slapos configure client).",
                    e);
        } catch (CertificateNotYetValidException e) {
            throw new AuthenticationFailed(
                    endpoint,
                    Reason.CLIENT_CERTIFICATE_EXPIRED,
                    "The client certificate "
                            + certFile + " for " + endpoint + " is not valid before "
                            + cert.getNotBefore().toInstant()
                            + ": check this computer's clock.",
                    e);
        }
    }

    private static Reader open(String endpoint, Path file, String what) throws AuthenticationFailed {
        try {
            return Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw unusable(endpoint, file, what, "the file does not exist", e);
        } catch (AccessDeniedException e) {
            throw unusable(endpoint, file, what, "this user may not read it", e);
        } catch (IOException e) {
            throw unusable(endpoint, file, what, "it cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static AuthenticationFailed unusable(String endpoint, Path file, String what, String why, Throwable cause) {
        return new AuthenticationFailed(
                endpoint,
                Reason.UNUSABLE_FILE,
                "The " + what + " file " + file + " for " + endpoint + " cannot be used: " + why + ".",
                cause);
    }
}
