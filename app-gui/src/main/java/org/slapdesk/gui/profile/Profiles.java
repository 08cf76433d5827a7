package org.slapdesk.gui.profile;

import java.util.List;

/** The profiles offered at start-up and the connector that opens them. */
public record Profiles(List<Profile> all, MasterConnector connector) {

    public Profiles {
        all = List.copyOf(all);
    }

    /** What this user has configured. */
    public static Profiles forThisUser() {
        return new Profiles(List.of(), profile -> {
            throw new IllegalStateException("this build cannot connect to '" + profile.name() + "' yet");
        });
    }
}
