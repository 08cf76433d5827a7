package org.slapdesk.gui.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slapdesk.core.config.ConfigPaths;
import org.slapdesk.core.config.SlaposClientConfig;
import org.slapdesk.core.master.Master;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.SlapMaster;
import org.slapdesk.core.store.AppStore;
import org.slapdesk.core.store.ProfileRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The profiles offered at start-up and the connector that opens them. */
public record Profiles(List<Profile> all, MasterConnector connector) {

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
        List<Profile> profiles = new ArrayList<>();
        profiles.add(Profile.local());
        for (ProfileRecord record : store.profiles().list()) {
            if (record.kind() == ProfileRecord.Kind.REMOTE) {
                profiles.add(fromRecord(record));
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
                List.of(Profile.local()),
                profile ->
                        connect(profile, Files.createTempDirectory("slapdesk").resolve("local-master.sqlite")));
    }

    public static Profile fromRecord(ProfileRecord record) {
        return new Profile(
                record.name(),
                record.kind() == ProfileRecord.Kind.LOCAL ? Profile.Kind.LOCAL : Profile.Kind.REMOTE,
                record.masterUrl(),
                record.certPath(),
                record.keyPath(),
                record.caPath(),
                record.colour().orElse(null),
                Map.of());
    }

    public static ProfileRecord toRecord(Profile profile) {
        return new ProfileRecord(
                profile.name(),
                profile.masterUrl(),
                profile.certificate(),
                profile.key(),
                profile.trustedCa(),
                Optional.of(profile.colour()),
                profile.kind() == Profile.Kind.LOCAL ? ProfileRecord.Kind.LOCAL : ProfileRecord.Kind.REMOTE);
    }

    /** The profile of a slapos-client.cfg, with its product aliases; empty (and logged) when it is missing or unusable. */
    public static Optional<Profile> clientConfigProfile(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            SlaposClientConfig config = SlaposClientConfig.load(file, ConfigPaths.userHome());
            return Optional.of(new Profile(
                    CLIENT_CONFIG_NAME,
                    Profile.Kind.REMOTE,
                    config.masterUrl(),
                    config.certFile(),
                    config.keyFile(),
                    Optional.empty(),
                    "#0969da",
                    config.softwareProducts()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("not offering {} as a profile: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Opens a profile: the local one starts the embedded master on {@code localDatabase}. */
    public static Master connect(Profile profile, Path localDatabase) throws Exception {
        if (profile.kind() == Profile.Kind.LOCAL) {
            return EmbeddedMaster.start(localDatabase);
        }
        return SlapMaster.open(masterProfile(profile));
    }

    static MasterProfile masterProfile(Profile profile) {
        MasterProfile master = MasterProfile.plain(profile.name(), profile.masterUrl());
        if (profile.certificate().isPresent() && profile.key().isPresent()) {
            master = master.withClientCertificate(
                    profile.certificate().get(), profile.key().get());
        }
        if (profile.trustedCa().isPresent()) {
            master = master.withCa(profile.trustedCa().get());
        }
        return master;
    }
}
