package org.slapdesk.master.tls;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slapdesk.core.store.OwnerOnlyFiles;
import org.slapdesk.master.CertificateIssuer;

/**
 * The master's own certificate authority (BouncyCastle): it signs the server certificate and
 * the client certificates of nodes ({@code OU=node}), partitions and users; the server trusts
 * only it. Files: {@code ca.crt} and {@code ca.key} (0600) in a 0700 folder.
 */
public final class CertificateAuthority implements CertificateIssuer {

    /** The name {@code slapdesk serve ca init} and the window give a new CA. */
    public static final String DEFAULT_NAME = "Slapdesk local master CA";

    private static final String SIGNATURE = "SHA256withECDSA";
    private static final Duration CA_LIFETIME = Duration.ofDays(3650);
    private static final Duration LEAF_LIFETIME = Duration.ofDays(825);

    /** A reserved domain (RFC 2606): the address in node certificates reaches nobody. */
    private static final String NODE_EMAIL_DOMAIN = "slapdesk.invalid";

    private final X509Certificate certificate;
    private final PrivateKey key;
    private final SecureRandom random = new SecureRandom();
    private final IssuedLedger ledger;

    private CertificateAuthority(X509Certificate certificate, PrivateKey key, Path dir) {
        this.certificate = certificate;
        this.key = key;
        this.ledger = new IssuedLedger(dir);
    }

    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve("ca.crt")) && Files.isRegularFile(dir.resolve("ca.key"));
    }

    /** Makes a new CA in {@code dir}; refuses to overwrite one. */
    public static CertificateAuthority init(Path dir, String name) throws IOException {
        if (exists(dir)) {
            throw new FileAlreadyExistsException(
                    dir.resolve("ca.key").toString(),
                    null,
                    "a CA already exists there; remove the folder to start over (every issued certificate stops working)");
        }
        Files.createDirectories(dir);
        restrict(dir, "rwx------");
        try {
            KeyPair pair = newKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.O, "Slapdesk")
                    .addRDN(BCStyle.CN, name)
                    .build();
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    subject,
                    serial(new SecureRandom()),
                    Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(CA_LIFETIME)),
                    subject,
                    pair.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(
                    Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate cert = sign(builder, pair.getPrivate());
            writePrivate(dir.resolve("ca.key"), pem(pair.getPrivate()));
            Files.writeString(dir.resolve("ca.crt"), pem(cert));
            return new CertificateAuthority(cert, pair.getPrivate(), dir);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot make the CA: " + e.getMessage(), e);
        }
    }

    public static CertificateAuthority load(Path dir) throws IOException {
        if (!exists(dir)) {
            throw new IOException("no CA in " + dir + ": run 'slapdesk serve ca init' first");
        }
        try {
            return new CertificateAuthority(
                    readCertificate(Files.readString(dir.resolve("ca.crt"))),
                    readPrivateKey(Files.readString(dir.resolve("ca.key"))),
                    dir);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the CA in " + dir + ": " + e.getMessage(), e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public String certificatePem() {
        return pem(certificate);
    }

    @Override
    public Issued issue(Role role, String name) {
        try {
            KeyPair pair = newKeyPair();
            X509Certificate cert = leaf(pair, name, role.name().toLowerCase(), false, List.of());
            if (role != Role.PARTITION) {
                // partitions ask again at every run; nodes and users are who may be revoked
                ledger.record(role, name, cert.getSerialNumber().toString(16));
            }
            return new Issued(pem(cert), pem(pair.getPrivate()));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot issue a certificate for " + name + ": " + e.getMessage(), e);
        }
    }

    /** A user certificate with the admin flag (OU admin): its holder sees and changes every instance tree. */
    public Issued issueAdmin(String name) {
        try {
            KeyPair pair = newKeyPair();
            X509Certificate cert = leaf(pair, name, "admin", false, List.of());
            ledger.record(Role.USER, name, cert.getSerialNumber().toString(16));
            return new Issued(pem(cert), pem(pair.getPrivate()));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot issue a certificate for " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> issuedSerials(Role role, String name) {
        return ledger.serials(role, name);
    }

    @Override
    public Set<String> issuedNames(Role role) {
        return ledger.names(role);
    }

    /**
     * The certificate's subject as {@code openssl x509 -subject} printed it before OpenSSL 1.1
     * ({@code subject=/O=Slapdesk/OU=node/CN=COMP-3/emailAddress=...}): the line the SlapOS
     * master puts before a node's PEM, and the one {@code slapos node register} reads.
     */
    public static String subjectLine(String certificatePem) {
        try (PEMParser parser = new PEMParser(new StringReader(certificatePem))) {
            if (!(parser.readObject() instanceof X509CertificateHolder holder)) {
                throw new IllegalArgumentException("not a PEM certificate");
            }
            StringBuilder line = new StringBuilder("subject=");
            for (RDN rdn : holder.getSubject().getRDNs()) {
                AttributeTypeAndValue first = rdn.getFirst();
                String type = BCStyle.E.equals(first.getType())
                        ? "emailAddress"
                        : BCStyle.INSTANCE.oidToDisplayName(first.getType());
                line.append('/')
                        .append(type == null ? first.getType().getId() : type)
                        .append('=')
                        .append(IETFUtils.valueToString(first.getValue()));
            }
            return line.toString();
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable certificate: " + e.getMessage(), e);
        }
    }

    /** Writes an issued certificate and its key (0600) as {@code <name>.crt} and {@code <name>.key}. */
    public static void write(Issued issued, Path certificateFile, Path keyFile) throws IOException {
        writePrivate(keyFile, issued.privateKeyPem());
        Files.writeString(certificateFile, issued.certificatePem());
    }

    /**
     * A TLS context for the server: a fresh server certificate for {@code hosts} signed by this CA,
     * and trust in this CA only (so only certificates it issued get in).
     */
    public SSLContext serverContext(List<String> hosts) throws IOException {
        try {
            KeyPair pair = newKeyPair();
            X509Certificate cert = leaf(pair, "slapdesk-master", "server", true, hosts);
            return context(pair.getPrivate(), cert);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot make the server's TLS context: " + e.getMessage(), e);
        }
    }

    /** A client context presenting {@code issued} and trusting this CA (for Java clients and tests). */
    public SSLContext clientContext(Issued issued) throws IOException {
        try {
            return context(readPrivateKey(issued.privateKeyPem()), readCertificate(issued.certificatePem()));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make a client TLS context: " + e.getMessage(), e);
        }
    }

    /** TLS presenting {@code key} with {@code leaf} (and this CA above it), trusting this CA only. */
    private SSLContext context(PrivateKey key, X509Certificate leaf) throws GeneralSecurityException, IOException {
        char[] password = new char[0];
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("own", key, password, new X509Certificate[] {leaf, certificate});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", certificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), random);
        return context;
    }

    private X509Certificate leaf(KeyPair pair, String name, String unit, boolean server, List<String> hosts)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X500NameBuilder subjectBuilder = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "Slapdesk")
                .addRDN(BCStyle.OU, unit)
                .addRDN(BCStyle.CN, name);
        if ("node".equals(unit)) {
            // as the SlapOS master's node certificates have one; `slapos node register` reads
            // the node's reference up to "/email" in the subject line we send with it
            subjectBuilder.addRDN(BCStyle.E, name + "@" + NODE_EMAIL_DOMAIN);
        }
        X500Name subject = subjectBuilder.build();
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                certificate,
                serial(random),
                Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(LEAF_LIFETIME)),
                subject,
                pair.getPublic());
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
        builder.addExtension(
                Extension.extendedKeyUsage,
                false,
                new ExtendedKeyUsage(server ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
        builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(certificate));
        if (server && !hosts.isEmpty()) {
            List<GeneralName> names = new ArrayList<>();
            for (String host : hosts) {
                boolean ip = host.contains(":") || host.matches("[0-9.]+");
                names.add(
                        ip
                                ? new GeneralName(
                                        GeneralName.iPAddress,
                                        InetAddress.getByName(host).getHostAddress())
                                : new GeneralName(GeneralName.dNSName, host));
            }
            builder.addExtension(
                    Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(new GeneralName[0])));
        }
        return sign(builder, key);
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey signer)
            throws OperatorCreationException, GeneralSecurityException {
        X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(127, random).add(BigInteger.ONE);
    }

    static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            if (object instanceof PrivateKey privateKey) {
                writer.writeObject(new JcaPKCS8Generator(privateKey, null));
            } else {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    static X509Certificate readCertificate(String pem) throws GeneralSecurityException, IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object o = parser.readObject();
            if (!(o instanceof X509CertificateHolder holder)) {
                throw new GeneralSecurityException("not a PEM certificate");
            }
            return new JcaX509CertificateConverter().getCertificate(holder);
        }
    }

    static PrivateKey readPrivateKey(String pem) throws GeneralSecurityException, IOException {
        try (Reader reader = new StringReader(pem);
                PEMParser parser = new PEMParser(reader)) {
            Object o = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (o instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            if (o instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new GeneralSecurityException("not a PEM private key");
        }
    }

    private static void writePrivate(Path file, String pem) throws IOException {
        OwnerOnlyFiles.write(file, pem.getBytes(StandardCharsets.US_ASCII));
    }

    private static void restrict(Path dir, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to do
        }
    }
}
