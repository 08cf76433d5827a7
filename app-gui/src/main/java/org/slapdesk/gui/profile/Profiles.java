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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The profiles offered at start-up and the connector that opens them. */
public record Profiles(List<Profile> all, MasterConnector connector) {

    private static final Logger LOG = LoggerFactory.getLogger(Profiles.class);
    public static final String CLIENT_CONFIG_NAME = "slapos-client.cfg";

    public Profiles {
        all = List.copyOf(all);
    }

    /** What this user has configured: the slapos client's own configuration is offered when it exists. */
    public static Profiles forThisUser() {
        List<Profile> profiles = new ArrayList<>();
        clientConfigProfile(SlaposClientConfig.locate(Optional.empty(), System.getenv(), ConfigPaths.userHome()))
                .ifPresent(profiles::add);
        return new Profiles(profiles, Profiles::connect);
    }

    /** The profile of a slapos-client.cfg, with its product aliases; empty (and logged) when it is missing or unusable. */
    public static Optional<Profile> clientConfigProfile(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            SlaposClientConfig config = SlaposClientConfig.load(file, ConfigPaths.userHome());
            return Optional.of(new Profile(CLIENT_CONFIG_NAME, Profile.Kind.REMOTE, config.masterUrl(),
                    config.certFile(), config.keyFile(), Optional.empty(), "#0969da", config.softwareProducts()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("not offering {} as a profile: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Opens a remote profile with the master client. */
    public static Master connect(Profile profile) throws Exception {
        if (profile.kind() == Profile.Kind.LOCAL) {
            throw new IllegalStateException("the embedded local master is not part of this build");
        }
        return SlapMaster.open(masterProfile(profile));
    }

    static MasterProfile masterProfile(Profile profile) {
        MasterProfile master = MasterProfile.plain(profile.name(), profile.masterUrl());
        if (profile.certificate().isPresent() && profile.key().isPresent()) {
            master = master.withClientCertificate(profile.certificate().get(), profile.key().get());
        }
        if (profile.trustedCa().isPresent()) {
            master = master.withCa(profile.trustedCa().get());
        }
        return master;
    }

}
