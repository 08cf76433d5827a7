package org.slapdesk.gui.services;

import java.util.Comparator;
import java.util.List;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.fleet.Tracked;
import org.slapdesk.core.model.ComputeNode;
import org.slapdesk.core.model.SoftwareInstallation;

/**
 * The servers a request can be pinned to, read from the fleet state's last snapshot (no call to
 * the master): those the release is supplied to first, then the others, each group by reference.
 */
final class ServerChoices {

    private ServerChoices() {}

    static List<ServerChoice> forRelease(FleetSnapshot snapshot, String release) {
        String url = release == null ? "" : release.trim();
        return snapshot.nodes().values().stream()
                .map(Tracked::value)
                .map(ComputeNode::reference)
                .map(reference -> new ServerChoice(reference, supplied(snapshot, reference, url)))
                .sorted(Comparator.comparing((ServerChoice c) -> !c.supplied()).thenComparing(ServerChoice::reference))
                .toList();
    }

    private static boolean supplied(FleetSnapshot snapshot, String node, String release) {
        if (release.isEmpty()) {
            return false;
        }
        Tracked<SoftwareInstallation> installation =
                snapshot.installations().get(FleetSnapshot.installationKey(node, release));
        return installation != null && !"destroyed".equals(installation.value().requestedState());
    }
}
