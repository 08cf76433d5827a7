package org.slapdesk.core.master;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
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
            chain = PemFiles.readCertificates(endpoint, certFile, "client certificate");
            PrivateKey privateKey = PemFiles.readPrivateKey(endpoint, keyFile, passphrases);
            PemFiles.checkKeyMatches(endpoint, chain.get(0), privateKey, certFile, keyFile);
            checkValidity(endpoint, chain.get(0), certFile, clock);
            key = Optional.of(privateKey);
        }
        List<X509Certificate> ca = profile.caFile().isPresent()
                ? PemFiles.readCertificates(endpoint, profile.caFile().get(), "CA certificate")
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
}
