package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.fleet.FleetOptions;
import org.slapdesk.core.fleet.FleetState;
import org.slapdesk.core.fleet.HealthRecorder;
import org.slapdesk.core.fleet.RefreshProgress;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.health.HealthRules;
import org.slapdesk.core.health.HealthSample.ObjectRef;
import org.slapdesk.core.master.ClientOptions;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.SlapMaster;
import org.slapdesk.core.monitor.HealthHistoryStore;
import org.slapdesk.core.monitor.HistoryOptions;
import org.slapdesk.core.monitor.LinkTarget;
import org.slapdesk.core.monitor.WhatIsWrong;
import org.slapdesk.core.monitor.WrongItem;
import org.slapdesk.core.store.AppStore;
import org.slapdesk.testlab.SlaposVenv;

/**
 * "What is wrong now" from a fleet state on the local master, broken by a node that reports its
 * errors through the real slapos.slap library.
 */
class WhatIsWrongLocalMasterTest {

    static final String SR = "https://lab.example/software/monitored/software.cfg";

    @TempDir
    Path dir;

    LocalMaster master;
    Slapos slapos;
    SlapMaster client;
    AppStore store;
    HealthHistoryStore history;

    @BeforeEach
    void start() throws Exception {
        SlaposVenv venv = SlaposVenv.require();
        master = LocalMaster.start(
                dir.resolve("master.sqlite"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        slapos = new Slapos(venv, dir, master.url());
        client = SlapMaster.open(
                MasterProfile.plain("local", master.url().toString()).withRestUrl(master.hateoasUrl()),
                ClientOptions.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30)));
        store = AppStore.open(dir.resolve("slapdesk.db"));
        history = HealthHistoryStore.open(store, "local", HistoryOptions.defaults(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (history != null) {
            history.close();
        }
        if (store != null) {
            store.close();
        }
        if (client != null) {
            client.close();
        }
        if (master != null) {
            master.close();
        }
    }

    @Test
    void aNodesErrorReportsAreListedWithTheMastersTextSinceWhenAndALink() throws Exception {
        slapos.node("format", "COMP-1", "2");
        slapos.node("format", "COMP-2", "2");
        assertThat(slapos.cli("supply", SR, "COMP-1").exit()).isZero();
        assertThat(slapos.cli("request", "shop", SR, "--node", "computer_guid=COMP-1")
                        .exit())
                .isZero();
        slapos.node("info", "COMP-2");
        slapos.node("inst", "COMP-1", "slappart0", "started");
        FleetState fleet = new FleetState(
                client, FleetOptions.defaults(), new HealthRules(Clock.systemUTC()), HealthRecorder.to(history));
        try (fleet) {
            assertThat(fleet.refresh().phase()).isEqualTo(RefreshProgress.Phase.COMPLETE);
            assertThat(WhatIsWrong.list("local", fleet.snapshot(), List.of(), history::changedAt))
                    .as("all is well before the node reports errors")
                    .isEmpty();

            // the SLAP listing gives installations and instances their text only, so "since" is when
            // a refresh first saw the colour: two refreshes apart
            Instant reported = Instant.now();
            slapos.node("sw", "COMP-1", SR, "error");
            assertThat(fleet.refresh().phase()).isEqualTo(RefreshProgress.Phase.COMPLETE);
            slapos.node("inst", "COMP-1", "slappart0", "error", "buildout failed at step 3");
            assertThat(fleet.refresh().phase()).isEqualTo(RefreshProgress.Phase.COMPLETE);

            List<WrongItem> wrong = WhatIsWrong.list("local", fleet.snapshot(), List.of(), history::changedAt);

            assertThat(wrong)
                    .extracting(WrongItem::object)
                    .containsExactlyInAnyOrder(
                            new ObjectRef(ObjectRef.Kind.SOFTWARE_INSTALLATION, "COMP-1 " + SR),
                            new ObjectRef(ObjectRef.Kind.INSTANCE, "shop"),
                            new ObjectRef(ObjectRef.Kind.INSTANCE_TREE, "shop"));
            assertThat(wrong).allSatisfy(w -> {
                assertThat(w.level()).isEqualTo(Health.Level.RED);
                assertThat(w.since())
                        .hasValueSatisfying(since -> assertThat(since).isBetween(reported, Instant.now()));
            });
            assertThat(wrong.get(0).object().kind())
                    .as("the oldest problem first: the software failed before the instance")
                    .isEqualTo(ObjectRef.Kind.SOFTWARE_INSTALLATION);
            assertThat(wrong.get(0).text()).contains("#error while installing " + SR);
            WrongItem instance = wrong.stream()
                    .filter(w -> w.object().kind() == ObjectRef.Kind.INSTANCE)
                    .findFirst()
                    .orElseThrow();
            assertThat(instance.text()).contains("#error while instanciating: buildout failed at step 3");
            assertThat(instance.link()).isEqualTo(new LinkTarget("local", ObjectRef.Kind.INSTANCE, "shop"));
            assertThat(instance.since().orElseThrow())
                    .isAfter(wrong.get(0).since().orElseThrow());
            assertThat(history.changedAt(new ObjectRef(ObjectRef.Kind.INSTANCE_TREE, "shop")))
                    .isPresent();
        }
    }
}
