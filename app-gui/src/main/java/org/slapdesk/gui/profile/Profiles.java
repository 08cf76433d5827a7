package org.slapdesk.gui.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slapdesk.core.config.ConfigPaths;
import org.slapdesk.core.config.SlaposClientConfig;
import org.slapdesk.core.master.Master;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.SlapMaster;
import org.slapdesk.core.store.AppStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The profiles offered at start-up and the connector that opens them. */
public record Profiles(List<MasterProfile> all, MasterConnector connector) {

    private static final Logger LOG = LoggerFactory.getLogger(Profiles.class);
    public static final String CLIENT_CONFIG_NAME = "slapos-client.cfg";

    public Profiles {
        all = List.copyOf(all);
    }

    /**
     * What this user has: the embedded local master first (the default when nothing else is
     * configured), then the slapos client's own configuration when it exists.
     */
    public static Profiles forThisUser(AppStore store) {
        List<MasterProfile> profiles = new ArrayList<>();
        profiles.add(MasterProfile.local());
        for (MasterProfile stored : store.profiles().list()) {
            if (stored.kind() == MasterProfile.Kind.REMOTE) {
                profiles.add(stored);
            }
        }
        clientConfigProfile(SlaposClientConfig.locate(Optional.empty(), System.getenv(), ConfigPaths.userHome()))
                .filter(p -> profiles.stream().noneMatch(known -> known.name().equals(p.name())))
                .ifPresent(profiles::add);
        Path localDatabase = store.file().resolveSibling("local-master.sqlite");
        return new Profiles(profiles, profile -> connect(profile, localDatabase));
    }

    /** When the app store cannot be opened: only the local master, on a database in a temporary folder. */
    public static Profiles withoutStore() {
        return new Profiles(
                List.of(MasterProfile.local()),
                profile ->
                        connect(profile, Files.createTempDirectory("slapdesk").resolve("local-master.sqlite")));
    }

    /** The profile of a slapos-client.cfg, with its product aliases; empty (and logged) when it is missing or unusable. */
    public static Optional<MasterProfile> clientConfigProfile(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(MasterProfile.fromClientConfig(file).withName(CLIENT_CONFIG_NAME));
        } catch (IOException | RuntimeException e) {
            LOG.warn("not offering {} as a profile: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Opens a profile: the local one starts the embedded master on {@code localDatabase}. */
    public static Master connect(MasterProfile profile, Path localDatabase) throws Exception {
        if (profile.kind() == MasterProfile.Kind.LOCAL) {
            return EmbeddedMaster.start(localDatabase);
        }
        return SlapMaster.open(profile);
    }
}
