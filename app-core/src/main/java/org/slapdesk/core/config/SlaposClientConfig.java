package org.slapdesk.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The client configuration the {@code slapos} CLI reads (slapos-client.cfg): the master URL
 * from {@code [slapos]}, the user's certificate and key from {@code [slapconsole]} (falling back
 * to {@code [slapos]}'s pair only when neither is set there, as slapos.client does), and software
 * product aliases: {@code software_product_list} lines {@code name url} in {@code [slapos]} and
 * the older {@code alias} lines of {@code [slapconsole]}.
 */
public record SlaposClientConfig(
        Path path,
        String masterUrl,
        Optional<String> masterRestUrl,
        Optional<Path> certFile,
        Optional<Path> keyFile,
        Map<String, String> softwareProducts) {

    public SlaposClientConfig {
        softwareProducts = Collections.unmodifiableMap(new LinkedHashMap<>(softwareProducts));
    }

    /** {@code --cfg}, else {@code $SLAPOS_CLIENT_CONFIGURATION}, else {@code ~/.slapos/slapos-client.cfg}. */
    public static Path locate(Optional<String> explicit, Map<String, String> environment, Path home) {
        return ConfigPaths.locate(explicit, ConfigPaths.CLIENT_ENV, ConfigPaths.CLIENT_DEFAULT, environment, home);
    }

    /** Locates the file with this process's environment and home, then loads it. */
    public static SlaposClientConfig load(Optional<String> explicit) throws IOException {
        Path home = ConfigPaths.userHome();
        return load(locate(explicit, System.getenv(), home), home);
    }

    public static SlaposClientConfig load(Path path, Path home) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new ConfigException("the SlapOS client configuration " + path + " does not exist; run "
                    + "'slapos configure client' or pass the file with --cfg");
        }
        return from(IniFile.load(path), path, home);
    }

    public static SlaposClientConfig from(IniFile ini, Path path, Path home) {
        String masterUrl = ini.get("slapos", "master_url")
                .filter(s -> !s.isBlank())
                .orElseThrow(() ->
                        new ConfigException(path + ": no master_url in [slapos]; add 'master_url = https://…' there"));
        Optional<String> cert = ini.get("slapconsole", "cert_file").filter(s -> !s.isBlank());
        Optional<String> key = ini.get("slapconsole", "key_file").filter(s -> !s.isBlank());
        if (cert.isEmpty() && key.isEmpty()) {
            cert = ini.get("slapos", "cert_file").filter(s -> !s.isBlank());
            key = ini.get("slapos", "key_file").filter(s -> !s.isBlank());
        }
        if (masterUrl.startsWith("https") && cert.isEmpty() && key.isEmpty()) {
            throw new ConfigException(path + ": master_url is https but no cert_file and key_file are set; add "
                    + "them to [slapconsole]");
        }
        Map<String, String> products = new LinkedHashMap<>();
        readProducts(ini, path, "slapconsole", "alias", products);
        readProducts(ini, path, "slapos", "software_product_list", products);
        return new SlaposClientConfig(
                path,
                masterUrl,
                ini.get("slapos", "master_rest_url").filter(s -> !s.isBlank()),
                cert.map(c -> ConfigPaths.expandHome(c, home)),
                key.map(k -> ConfigPaths.expandHome(k, home)),
                products);
    }

    private static void readProducts(IniFile ini, Path path, String section, String key, Map<String, String> into) {
        for (String line : ini.getList(section, key)) {
            String[] parts = line.split("\\s+");
            if (parts.length != 2) {
                throw new ConfigException(
                        path + ": [" + section + "] " + key + " line '" + line + "' is not 'name url'");
            }
            into.put(parts[0], parts[1]);
        }
    }

    /** A product alias ({@code product.kvm} or {@code kvm}) resolved to its URL, or the input as is. */
    public String resolveSoftware(String softwareOrProduct) {
        String name = softwareOrProduct.startsWith("product.")
                ? softwareOrProduct.substring("product.".length())
                : softwareOrProduct;
        return softwareProducts.getOrDefault(name, softwareOrProduct);
    }
}
