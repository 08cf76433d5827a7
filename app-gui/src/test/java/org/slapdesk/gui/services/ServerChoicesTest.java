package org.slapdesk.gui.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.fleet.Tracked;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.model.ComputeNode;
import org.slapdesk.core.model.SoftwareInstallation;
import org.slapdesk.gui.Direct;
import org.slapdesk.gui.FakeMaster;

/** The server pin lists the servers the chosen release is supplied to first, from the fleet snapshot. */
class ServerChoicesTest {

    private static final String KVM = "https://lab.example/kvm/software.cfg";
    private static final String RE6ST = "https://lab.example/re6st/software.cfg";

    private final Direct direct = new Direct(Instant.parse("2026-11-23T15:00:00Z"));
    private final FakeMaster master = new FakeMaster();
    private final AtomicInteger snapshotReads = new AtomicInteger();

    @AfterEach
    void closeMaster() {
        master.close();
    }

    @Test
    void serversWithTheReleaseSuppliedComeFirstWithAMark() {
        RequestViewModel model = new RequestViewModel(direct.tasks, () -> Optional.of(master.releaseSchemas()), () -> {
            snapshotReads.incrementAndGet();
            return fleet();
        });
        assertThat(model.serverChoices())
                .as("no release yet: every server, by reference")
                .extracting(ServerChoice::label)
                .containsExactly("COMP-0", "COMP-1", "COMP-2", "COMP-3");

        model.releaseProperty().set(KVM);
        assertThat(model.serverChoices())
                .extracting(ServerChoice::label)
                .containsExactly("COMP-1 — supplied", "COMP-3 — supplied", "COMP-0", "COMP-2");

        model.releaseProperty().set(RE6ST);
        assertThat(model.serverChoices())
                .as("a release being removed from a server does not count")
                .extracting(ServerChoice::label)
                .containsExactly("COMP-2 — supplied", "COMP-0", "COMP-1", "COMP-3");

        assertThat(master.calls)
                .as("read from the snapshot, never from the master")
                .isEmpty();
        assertThat(snapshotReads.get())
                .as("one snapshot read per release, not one per server")
                .isEqualTo(3);
    }

    private static FleetSnapshot fleet() {
        Map<String, Tracked<ComputeNode>> nodes = new LinkedHashMap<>();
        for (String reference : new String[] {"COMP-3", "COMP-0", "COMP-2", "COMP-1"}) {
            nodes.put(reference, new Tracked<>(new ComputeNode(reference, reference, Optional.empty()), grey()));
        }
        Map<String, Tracked<SoftwareInstallation>> installations = new LinkedHashMap<>();
        installations.put(FleetSnapshot.installationKey("COMP-1", KVM), installation(KVM, "COMP-1", "available"));
        installations.put(FleetSnapshot.installationKey("COMP-3", KVM), installation(KVM, "COMP-3", "available"));
        installations.put(FleetSnapshot.installationKey("COMP-2", RE6ST), installation(RE6ST, "COMP-2", "available"));
        installations.put(FleetSnapshot.installationKey("COMP-0", RE6ST), installation(RE6ST, "COMP-0", "destroyed"));
        return new FleetSnapshot(nodes, Map.of(), installations, Map.of(), Optional.empty(), true);
    }

    private static Tracked<SoftwareInstallation> installation(String url, String node, String state) {
        return new Tracked<>(new SoftwareInstallation(url, node, state, Optional.empty()), grey());
    }

    private static Health grey() {
        return Health.grey("no data");
    }
}
