package org.slapdesk.core.master;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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

    /** The variable the slapos client reads its configuration path from. */
    public static final String CONFIG_VARIABLE = "SLAPOS_CLIENT_CONFIGURATION";

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
        return new MasterProfile(name, parseUrl(masterUrl, "master URL"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
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

    /** The client configuration the slapos CLI would use: $SLAPOS_CLIENT_CONFIGURATION, else ~/.slapos/slapos-client.cfg. */
    public static Path defaultClientConfigPath(Map<String, String> environment, Path home) {
        String configured = environment.get(CONFIG_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return home.resolve(".slapos").resolve("slapos-client.cfg");
    }

    /** The profile of the slapos CLI's own configuration ({@link #defaultClientConfigPath}). */
    public static MasterProfile fromClientConfig() throws IOException {
        return fromClientConfig(defaultClientConfigPath(System.getenv(), Path.of(System.getProperty("user.home"))));
    }

    /**
     * Reads a slapos-client.cfg: {@code [slapos] master_url}, {@code master_rest_url}, and the
     * user certificate from {@code [slapconsole] cert_file/key_file} (falling back to
     * {@code [slapos]}, as the slapos client does). Relative paths are taken from the file's folder.
     *
     * @throws IOException when the file is missing or unreadable, or lacks {@code master_url}
     */
    public static MasterProfile fromClientConfig(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("the slapos client configuration " + file + " does not exist:"
                    + " run 'slapos configure client' or give the master URL");
        }
        ClientConfigFile config = ClientConfigFile.read(file);
        String master = config.get("slapos", "master_url")
                .orElseThrow(() -> new IOException(file + " has no master_url in its [slapos] section"));
        URI masterUrl;
        try {
            masterUrl = parseUrl(master, "master_url");
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        Path folder = file.toAbsolutePath().getParent();
        Optional<URI> rest = config.get("slapos", "master_rest_url").map(u -> parseUrl(u, "master_rest_url"));
        Optional<Path> cert = config.get("slapconsole", "cert_file").or(() -> config.get("slapos", "cert_file"))
                .map(p -> resolve(folder, p));
        Optional<Path> key = config.get("slapconsole", "key_file").or(() -> config.get("slapos", "key_file"))
                .map(p -> resolve(folder, p));
        Optional<Path> ca = config.get("slapconsole", "ca_file").map(p -> resolve(folder, p));
        if (cert.isPresent() != key.isPresent()) {
            throw new IOException(file + " names a " + (cert.isPresent() ? "cert_file but no key_file" : "key_file but no cert_file")
                    + ": the client certificate needs both");
        }
        return new MasterProfile(file.getFileName().toString(), masterUrl, rest, cert, key, ca);
    }

    private static Path resolve(Path folder, String value) {
        String v = value.trim();
        if (v.startsWith("~/")) {
            return Path.of(System.getProperty("user.home")).resolve(v.substring(2));
        }
        Path p = Path.of(v);
        return p.isAbsolute() || folder == null ? p : folder.resolve(p);
    }

    static URI parseUrl(String text, String what) {
        try {
            URI uri = new URI(text.trim());
            requireHttp(uri, what);
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the " + what + " '" + text + "' is not a valid URL: " + e.getReason(), e);
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
