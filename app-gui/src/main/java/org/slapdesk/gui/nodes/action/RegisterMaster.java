package org.slapdesk.gui.nodes.action;

import java.util.Optional;
import org.slapdesk.core.master.MasterProfile;

/**
 * The master a node registers with, as the profile in use knows it: the embedded master's own
 * URL for both (it serves the API and the web calls on one address); a remote profile's master
 * URL, and no web URL since only the operator knows the panel's address.
 */
public record RegisterMaster(String url, String webUrl) {

    public static Optional<RegisterMaster> of(MasterProfile profile, Optional<String> connectedUrl) {
        if (profile == null) {
            return Optional.empty();
        }
        if (profile.kind() == MasterProfile.Kind.LOCAL) {
            return connectedUrl.map(u -> new RegisterMaster(u, u.replaceAll("/+$", "")));
        }
        return profile.masterUrl().map(Object::toString).or(() -> connectedUrl).map(u -> new RegisterMaster(u, ""));
    }
}
