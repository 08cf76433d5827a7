package org.slapdesk.core.master;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * Reads the PEM files of a profile: certificates, and private keys in every form OpenSSL writes,
 * checked against their certificate. Its own class so that BouncyCastle (hundreds of classes from
 * signed jars) is loaded only by a profile that names such files, never for plain HTTP.
 */
final class PemFiles {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private PemFiles() {}

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

    static void checkKeyMatches(String endpoint, X509Certificate cert, PrivateKey key, Path certFile, Path keyFile)
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
