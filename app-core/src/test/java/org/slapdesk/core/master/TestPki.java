package org.slapdesk.core.master;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A tiny CA for tests: BouncyCastle makes the CA, server and client certificates and writes PEM. */
final class TestPki {

    /** A key pair with its certificate. */
    record Issued(KeyPair keys, X509Certificate certificate) {}

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private TestPki() {}

    static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    static KeyPair ec() throws Exception {
        // BouncyCastle's keys, so the written SEC1 file carries its curve and public key, as OpenSSL's do
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    static Issued ca(String name) throws Exception {
        KeyPair keys = rsa();
        X500Name subject = new X500Name("CN=" + name);
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                subject,
                BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(30))),
                subject,
                keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return new Issued(keys, sign(b, keys, "SHA256withRSA"));
    }

    static Issued server(Issued ca, String host, Instant notBefore, Instant notAfter) throws Exception {
        KeyPair keys = rsa();
        X509v3CertificateBuilder b = builder(ca, "CN=" + host, keys, notBefore, notAfter);
        int type = host.matches("[0-9.]+") ? GeneralName.iPAddress : GeneralName.dNSName;
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(type, host)));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        return new Issued(keys, sign(b, ca.keys(), "SHA256withRSA"));
    }

    /** A server certificate naming its host only in the CN, as old or hand-made ones do. */
    static Issued serverWithoutAlternativeNames(Issued ca, String host, Instant notBefore, Instant notAfter)
            throws Exception {
        KeyPair keys = rsa();
        X509v3CertificateBuilder b = builder(ca, "CN=" + host, keys, notBefore, notAfter);
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        return new Issued(keys, sign(b, ca.keys(), "SHA256withRSA"));
    }

    static Issued client(Issued ca, String name, KeyPair keys, Instant notBefore, Instant notAfter) throws Exception {
        X509v3CertificateBuilder b = builder(ca, "CN=" + name, keys, notBefore, notAfter);
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        return new Issued(keys, sign(b, ca.keys(), "SHA256withRSA"));
    }

    static Issued client(Issued ca, String name) throws Exception {
        Instant now = Instant.now();
        return client(ca, name, rsa(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(10)));
    }

    private static X509v3CertificateBuilder builder(
            Issued ca, String subject, KeyPair keys, Instant notBefore, Instant notAfter) throws Exception {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                ca.certificate(),
                BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(notBefore),
                Date.from(notAfter),
                new X500Name(subject),
                keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        return b;
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair signer, String algorithm) throws Exception {
        ContentSigner contentSigner = new JcaContentSignerBuilder(algorithm).build(signer.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(b.build(contentSigner));
    }

    // ---------------------------------------------------------------- PEM files

    static Path writeCertificate(Path file, X509Certificate... certificates) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            for (X509Certificate c : certificates) {
                w.writeObject(c);
            }
        }
        return Files.writeString(file, out.toString());
    }

    /** "BEGIN RSA PRIVATE KEY" / "BEGIN EC PRIVATE KEY": the traditional OpenSSL form. */
    static Path writeTraditionalKey(Path file, KeyPair keys) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(keys);
        }
        return Files.writeString(file, out.toString());
    }

    /** "BEGIN PRIVATE KEY": PKCS#8. */
    static Path writePkcs8Key(Path file, KeyPair keys) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(new JcaPKCS8Generator(keys.getPrivate(), null));
        }
        return Files.writeString(file, out.toString());
    }

    /** "BEGIN ENCRYPTED PRIVATE KEY": PKCS#8 with AES-256-CBC. */
    static Path writeEncryptedPkcs8Key(Path file, KeyPair keys, String passphrase) throws Exception {
        OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                .setProvider(new BouncyCastleProvider())
                .setRandom(new SecureRandom())
                .setPassword(passphrase.toCharArray())
                .build();
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(new JcaPKCS8Generator(keys.getPrivate(), encryptor));
        }
        return Files.writeString(file, out.toString());
    }

    /** "Proc-Type: 4,ENCRYPTED": legacy OpenSSL encryption of a traditional key. */
    static Path writeLegacyEncryptedKey(Path file, KeyPair keys, String passphrase) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(
                    keys,
                    new JcePEMEncryptorBuilder("AES-128-CBC")
                            .setProvider(new BouncyCastleProvider())
                            .build(passphrase.toCharArray()));
        }
        return Files.writeString(file, out.toString());
    }

    /** A server-side SSLContext presenting {@code server} and trusting client certificates from {@code clientCa}. */
    static SSLContext serverContext(Issued server, Issued ca, Issued clientCa) throws Exception {
        char[] password = "pw".toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", server.keys().getPrivate(), password, new X509Certificate[] {
            server.certificate(), ca.certificate()
        });
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("client-ca", clientCa.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
        return context;
    }
}
