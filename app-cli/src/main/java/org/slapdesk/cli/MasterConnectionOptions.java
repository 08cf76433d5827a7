package org.slapdesk.cli;

import java.io.Console;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slapdesk.core.master.ClientOptions;
import org.slapdesk.core.master.MasterException;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.PassphraseProvider;
import org.slapdesk.core.master.SlapMaster;
import org.slapdesk.core.store.AppStore;
import org.slapdesk.core.store.StoreException;
import picocli.CommandLine.Option;

/**
 * Which master to talk to: a saved {@code --profile}, or {@code --master-url} (with {@code --cert/--key/--ca}), or a
 * slapos-client.cfg ({@code --cfg}, else {@code $SLAPOS_CLIENT_CONFIGURATION}, else
 * {@code ~/.slapos/slapos-client.cfg}), as the slapos client does. Options given on the command
 * line override the file's values.
 */
final class MasterConnectionOptions {

    @Option(
            names = "--profile",
            paramLabel = "NAME",
            description = "a master profile saved in Slapdesk (see the window's profile switcher)")
    List<String> profileNames = new ArrayList<>();

    @Option(
            names = "--store",
            paramLabel = "FILE",
            description = "the Slapdesk database holding the profiles (default: ~/.local/share/slapdesk/slapdesk.db)")
    Path store;

    @Option(
            names = "--master-url",
            paramLabel = "URL",
            description = "SLAP URL of the master (default: from the slapos-client.cfg)")
    String masterUrl;

    @Option(
            names = "--rest-url",
            paramLabel = "URL",
            description = "HATEOAS URL (master_rest_url), when the master does not say")
    String restUrl;

    @Option(
            names = "--api-url",
            paramLabel = "URL",
            description = "JSON-RPC API URL (master_api_url), when not at the master URL, e.g."
                    + " <ERP5 site>/portal_web_services/slapos_master_api/")
    String apiUrl;

    @Option(names = "--cert", paramLabel = "FILE", description = "client certificate (PEM)")
    Path cert;

    @Option(
            names = "--key",
            paramLabel = "FILE",
            description = "client private key (PEM; asks for its passphrase if encrypted)")
    Path key;

    @Option(
            names = "--ca",
            paramLabel = "FILE",
            description = "CA the master's certificate must chain to, instead of the system trust store")
    Path ca;

    @Option(
            names = "--cfg",
            paramLabel = "FILE",
            description =
                    "slapos-client.cfg to read (default: $SLAPOS_CLIENT_CONFIGURATION or ~/.slapos/slapos-client.cfg)")
    Path cfg;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "60",
            description = "network timeout in seconds (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    /** The profile the options describe. */
    MasterProfile profile() throws IOException {
        if (profileNames.size() > 1) {
            throw new IllegalArgumentException("this command reads one master: give --profile once");
        }
        MasterProfile profile;
        if (!profileNames.isEmpty()) {
            profile = storedProfile(profileNames.get(0));
        } else if (masterUrl != null) {
            profile = MasterProfile.plain("command line", masterUrl);
        } else if (cfg != null) {
            profile = MasterProfile.fromClientConfig(cfg);
        } else {
            profile = MasterProfile.fromClientConfig();
        }
        if (restUrl != null) {
            profile = profile.withRestUrl(URI.create(restUrl));
        }
        if (apiUrl != null) {
            profile = profile.withApiUrl(MasterProfile.parseUrl(apiUrl, "--api-url"));
        }
        if (cert != null || key != null) {
            if (cert == null || key == null) {
                throw new IllegalArgumentException("--cert and --key go together: give both");
            }
            profile = profile.withClientCertificate(cert, key);
        }
        if (ca != null) {
            profile = profile.withCa(ca);
        }
        return profile;
    }

    /** Every profile named by {@code --profile} (several allowed), else the one the other options describe. */
    List<MasterProfile> profiles() throws IOException {
        if (profileNames.size() <= 1) {
            return List.of(profile());
        }
        List<MasterProfile> profiles = new ArrayList<>();
        for (String name : profileNames) {
            profiles.add(storedProfile(name));
        }
        return profiles;
    }

    private MasterProfile storedProfile(String name) {
        try (AppStore app = store == null ? AppStore.openDefault() : AppStore.open(store)) {
            return app.profiles().find(name).orElseThrow(() -> {
                List<String> known =
                        app.profiles().list().stream().map(MasterProfile::name).toList();
                return new IllegalArgumentException("there is no profile named '" + name + "'"
                        + (known.isEmpty() ? "; none is saved yet" : "; known profiles: " + String.join(", ", known)));
            });
        } catch (StoreException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    SlapMaster open() throws IOException, MasterException {
        return open(profile());
    }

    SlapMaster open(MasterProfile profile) throws IOException, MasterException {
        if (timeoutSeconds <= 0) {
            throw new IllegalArgumentException("--timeout must be a positive number of seconds");
        }
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        return SlapMaster.open(
                profile, ClientOptions.defaults().withTimeouts(timeout, timeout).withPassphrases(consolePassphrase()));
    }

    private static PassphraseProvider consolePassphrase() {
        return keyFile -> {
            Console console = System.console();
            if (console == null) {
                return Optional.empty();
            }
            char[] passphrase = console.readPassword("Passphrase for %s: ", keyFile);
            return passphrase == null || passphrase.length == 0 ? Optional.empty() : Optional.of(passphrase);
        };
    }
}
