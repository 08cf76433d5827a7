package org.slapdesk.core.master;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slapdesk.core.config.ConfigException;
import org.slapdesk.core.config.ConfigPaths;
import org.slapdesk.core.config.IniFile;
import org.slapdesk.core.config.SlaposClientConfig;

/**
 * How to reach one master: its SLAP URL, where HATEOAS lives when the master does not say
 * ({@code master_rest_url}), the client certificate and key (PEM), and an optional CA that the
 * server certificate must chain to instead of the system trust store.
 */
public record MasterProfile(
        String name,
        URI masterUrl,
        Optional<URI> restUrl,
        Optional<Path> certFile,
        Optional<Path> keyFile,
        Optional<Path> caFile) {

    public MasterProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(masterUrl, "masterUrl");
        restUrl = Objects.requireNonNullElse(restUrl, Optional.empty());
        certFile = Objects.requireNonNullElse(certFile, Optional.empty());
        keyFile = Objects.requireNonNullElse(keyFile, Optional.empty());
        caFile = Objects.requireNonNullElse(caFile, Optional.empty());
        requireHttp(masterUrl, "master URL");
        restUrl.ifPresent(u -> requireHttp(u, "REST (HATEOAS) URL"));
        if (certFile.isPresent() != keyFile.isPresent()) {
            throw new IllegalArgumentException("profile '" + name + "': a client certificate needs both a"
                    + " certificate file and a key file; give both or neither");
        }
    }

    /** A profile with only a master URL (slapproxy, or the local master): no certificate. */
    public static MasterProfile plain(String name, String masterUrl) {
        return new MasterProfile(
                name,
                parseUrl(masterUrl, "master URL"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** A profile the application stored (the GUI's profile switcher, {@code slapdesk master --profile}). */
    public static MasterProfile stored(
            String name, String masterUrl, Optional<Path> certFile, Optional<Path> keyFile, Optional<Path> caFile) {
        return new MasterProfile(
                name,
                parseUrl(masterUrl, "master URL of profile '" + name + "'"),
                Optional.empty(),
                certFile,
                keyFile,
                caFile);
    }

    public MasterProfile withRestUrl(URI url) {
        return new MasterProfile(name, masterUrl, Optional.of(url), certFile, keyFile, caFile);
    }

    public MasterProfile withClientCertificate(Path cert, Path key) {
        return new MasterProfile(name, masterUrl, restUrl, Optional.of(cert), Optional.of(key), caFile);
    }

    public MasterProfile withCa(Path ca) {
        return new MasterProfile(name, masterUrl, restUrl, certFile, keyFile, Optional.of(ca));
    }

    public boolean usesTls() {
        return "https".equals(masterUrl.getScheme().toLowerCase(Locale.ROOT));
    }

    /** The profile of the slapos CLI's own configuration: $SLAPOS_CLIENT_CONFIGURATION, else ~/.slapos/slapos-client.cfg. */
    public static MasterProfile fromClientConfig() throws IOException {
        Path home = ConfigPaths.userHome();
        return fromClientConfig(SlaposClientConfig.locate(Optional.empty(), System.getenv(), home), home);
    }

    public static MasterProfile fromClientConfig(Path file) throws IOException {
        return fromClientConfig(file, ConfigPaths.userHome());
    }

    /**
     * Reads a slapos-client.cfg as the slapos client does ({@link SlaposClientConfig}): {@code [slapos]
     * master_url}, {@code master_rest_url}, the user certificate from {@code [slapconsole]} (else
     * {@code [slapos]}); plus our own optional {@code [slapconsole] ca_file} to pin the master's CA.
     *
     * @throws IOException when the file is missing, unreadable or incomplete, with the reason
     */
    public static MasterProfile fromClientConfig(Path file, Path home) throws IOException {
        SlaposClientConfig config;
        try {
            config = SlaposClientConfig.load(file, home);
        } catch (ConfigException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (config.certFile().isPresent() != config.keyFile().isPresent()) {
            throw new IOException(file + " names a "
                    + (config.certFile().isPresent() ? "cert_file but no key_file" : "key_file but no cert_file")
                    + ": the client certificate needs both");
        }
        Optional<Path> ca = IniFile.load(file)
                .get("slapconsole", "ca_file")
                .filter(v -> !v.isBlank())
                .map(v -> ConfigPaths.expandHome(v.trim(), home));
        try {
            return new MasterProfile(
                    file.getFileName().toString(),
                    parseUrl(config.masterUrl(), "master_url"),
                    config.masterRestUrl().map(u -> parseUrl(u, "master_rest_url")),
                    config.certFile(),
                    config.keyFile(),
                    ca);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    static URI parseUrl(String text, String what) {
        try {
            URI uri = new URI(text.trim());
            requireHttp(uri, what);
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "the " + what + " '" + text + "' is not a valid URL: " + e.getReason(), e);
        }
    }

    private static void requireHttp(URI uri, String what) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("the " + what + " '" + uri
                    + "' must be an http:// or https:// URL with a host, e.g. https://slap.vifib.com/");
        }
    }
}
