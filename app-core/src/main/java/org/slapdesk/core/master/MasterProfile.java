package org.slapdesk.core.master;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slapdesk.core.config.ConfigException;
import org.slapdesk.core.config.ConfigPaths;
import org.slapdesk.core.config.IniFile;
import org.slapdesk.core.config.SlaposClientConfig;

/**
 * A master profile, the one profile type of the application (stored by the app store, offered
 * by the window, used by the command line): how to reach one master — its SLAP URL, where
 * HATEOAS lives when the master does not say ({@code master_rest_url}), the client certificate
 * and key (PEM), an optional CA that the server certificate must chain to instead of the system
 * trust store — and how the window shows it (colour) and which product aliases it offers.
 * The optional API URL is where the master's JSON-RPC API lives when it is not the master URL
 * (the real master serves it at {@code <ERP5 site>/portal_web_services/slapos_master_api/});
 * without it JSON-RPC is called at the master URL, as slapproxy and the local master serve it.
 * The {@link Kind#LOCAL} profile is the embedded master: it has no URL until it is started.
 */
public record MasterProfile(
        String name,
        Kind kind,
        Optional<URI> masterUrl,
        Optional<URI> restUrl,
        Optional<Path> certFile,
        Optional<Path> keyFile,
        Optional<Path> caFile,
        String colour,
        Map<String, String> productAliases,
        Optional<URI> apiUrl) {

    /** The embedded local master, or a remote one. */
    public enum Kind {
        LOCAL,
        REMOTE
    }

    public static final String LOCAL_NAME = "local";
    public static final String DEFAULT_COLOUR = "#6e7781";
    private static final String LOCAL_COLOUR = "#2da44e";
    private static final String CLIENT_CONFIG_COLOUR = "#0969da";

    public MasterProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (name.isBlank()) {
            throw new IllegalArgumentException("the profile name is empty: give it a name");
        }
        masterUrl = Objects.requireNonNullElse(masterUrl, Optional.empty());
        restUrl = Objects.requireNonNullElse(restUrl, Optional.empty());
        certFile = Objects.requireNonNullElse(certFile, Optional.empty());
        keyFile = Objects.requireNonNullElse(keyFile, Optional.empty());
        caFile = Objects.requireNonNullElse(caFile, Optional.empty());
        colour = colour == null || colour.isBlank() ? DEFAULT_COLOUR : colour;
        productAliases =
                Collections.unmodifiableMap(new LinkedHashMap<>(productAliases == null ? Map.of() : productAliases));
        apiUrl = Objects.requireNonNullElse(apiUrl, Optional.empty());
        if (kind == Kind.REMOTE && masterUrl.isEmpty()) {
            throw new IllegalArgumentException("profile '" + name + "' needs a master URL");
        }
        masterUrl.ifPresent(u -> requireHttp(u, "master URL"));
        restUrl.ifPresent(u -> requireHttp(u, "REST (HATEOAS) URL"));
        apiUrl.ifPresent(u -> requireHttp(u, "JSON-RPC API URL"));
        if (certFile.isPresent() != keyFile.isPresent()) {
            throw new IllegalArgumentException("profile '" + name + "': a client certificate needs both a"
                    + " certificate file and a key file; give both or neither");
        }
    }

    /** A profile without an API URL: JSON-RPC at the master URL. */
    public MasterProfile(
            String name,
            Kind kind,
            Optional<URI> masterUrl,
            Optional<URI> restUrl,
            Optional<Path> certFile,
            Optional<Path> keyFile,
            Optional<Path> caFile,
            String colour,
            Map<String, String> productAliases) {
        this(name, kind, masterUrl, restUrl, certFile, keyFile, caFile, colour, productAliases, Optional.empty());
    }

    /** The embedded local master, the default profile. */
    public static MasterProfile local() {
        return new MasterProfile(
                LOCAL_NAME,
                Kind.LOCAL,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                LOCAL_COLOUR,
                Map.of());
    }

    /** A remote profile with only a master URL (slapproxy, or the local master): no certificate. */
    public static MasterProfile plain(String name, String masterUrl) {
        return remote(name, parseUrl(masterUrl, "master URL"));
    }

    public static MasterProfile remote(String name, URI masterUrl) {
        return new MasterProfile(
                name,
                Kind.REMOTE,
                Optional.of(masterUrl),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                DEFAULT_COLOUR,
                Map.of());
    }

    public MasterProfile withRestUrl(URI url) {
        return new MasterProfile(
                name,
                kind,
                masterUrl,
                Optional.ofNullable(url),
                certFile,
                keyFile,
                caFile,
                colour,
                productAliases,
                apiUrl);
    }

    /** Where the JSON-RPC API lives; null = at the master URL. */
    public MasterProfile withApiUrl(URI url) {
        return new MasterProfile(
                name,
                kind,
                masterUrl,
                restUrl,
                certFile,
                keyFile,
                caFile,
                colour,
                productAliases,
                Optional.ofNullable(url));
    }

    public MasterProfile withClientCertificate(Path cert, Path key) {
        return new MasterProfile(
                name,
                kind,
                masterUrl,
                restUrl,
                Optional.of(cert),
                Optional.of(key),
                caFile,
                colour,
                productAliases,
                apiUrl);
    }

    public MasterProfile withCa(Path ca) {
        return new MasterProfile(
                name, kind, masterUrl, restUrl, certFile, keyFile, Optional.of(ca), colour, productAliases, apiUrl);
    }

    public MasterProfile withColour(String newColour) {
        return new MasterProfile(
                name, kind, masterUrl, restUrl, certFile, keyFile, caFile, newColour, productAliases, apiUrl);
    }

    public MasterProfile withName(String newName) {
        return new MasterProfile(
                newName, kind, masterUrl, restUrl, certFile, keyFile, caFile, colour, productAliases, apiUrl);
    }

    /** The master URL; a local profile has none until its master is started. */
    public URI requireMasterUrl() throws MasterException {
        return masterUrl.orElseThrow(() -> new MasterException.InvalidRequest(
                name,
                "The profile '" + name + "' is the embedded master, which has no URL until it is started:"
                        + " open it from the window or with 'slapdesk serve'."));
    }

    /** How lists show the profile. */
    @Override
    public String toString() {
        return kind == Kind.LOCAL ? name + " (embedded master)" : name;
    }

    public boolean usesTls() {
        return masterUrl
                .map(u -> "https".equals(u.getScheme().toLowerCase(Locale.ROOT)))
                .orElse(false);
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
     * {@code [slapos]}); plus our own optional {@code [slapconsole] ca_file} to pin the master's CA
     * and {@code [slapos] master_api_url}, where the JSON-RPC API lives when not at the master URL.
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
        IniFile ini = IniFile.load(file);
        Optional<Path> ca = ini.get("slapconsole", "ca_file")
                .filter(v -> !v.isBlank())
                .map(v -> ConfigPaths.expandHome(v.trim(), home));
        try {
            return new MasterProfile(
                    file.getFileName().toString(),
                    Kind.REMOTE,
                    Optional.of(parseUrl(config.masterUrl(), "master_url")),
                    config.masterRestUrl().map(u -> parseUrl(u, "master_rest_url")),
                    config.certFile(),
                    config.keyFile(),
                    ca,
                    CLIENT_CONFIG_COLOUR,
                    config.softwareProducts(),
                    ini.get("slapos", "master_api_url")
                            .filter(v -> !v.isBlank())
                            .map(u -> parseUrl(u, "master_api_url")));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    public static URI parseUrl(String text, String what) {
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
