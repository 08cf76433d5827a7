package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.fleet.FleetOptions;
import org.slapdesk.core.fleet.FleetState;
import org.slapdesk.core.fleet.HealthRecorder;
import org.slapdesk.core.fleet.RefreshProgress;
import org.slapdesk.core.fleet.Subscription;
import org.slapdesk.core.health.HealthRules;
import org.slapdesk.core.health.HealthSample.ObjectRef;
import org.slapdesk.core.master.ClientOptions;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.SlapMaster;
import org.slapdesk.core.monitor.Alert;
import org.slapdesk.core.monitor.AlertEngine;
import org.slapdesk.core.monitor.AlertOptions;
import org.slapdesk.core.monitor.WrongItem;
import org.slapdesk.core.store.AppStore;
import org.slapdesk.testlab.SlaposVenv;

/** Alerts from a fleet state on the local master, whose health changes through real slapos.slap reports. */
class AlertEngineLocalMasterTest {

    static final String SR = "https://lab.example/software/alerted/software.cfg";

    @TempDir
    Path dir;

    LocalMaster master;
    Slapos slapos;
    SlapMaster client;
    FleetState fleet;

    @BeforeEach
    void start() throws Exception {
        master = LocalMaster.start(
                dir.resolve("master.sqlite"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        slapos = new Slapos(SlaposVenv.require(), dir, master.url());
        client = SlapMaster.open(
                MasterProfile.plain("local", master.url().toString()).withRestUrl(master.hateoasUrl()),
                ClientOptions.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30)));
        fleet = new FleetState(
                client, FleetOptions.defaults(), new HealthRules(Clock.systemUTC()), HealthRecorder.none());
    }

    @AfterEach
    void stop() {
        if (fleet != null) {
            fleet.close();
        }
        if (client != null) {
            client.close();
        }
        if (master != null) {
            master.close();
        }
    }

    private void refresh() throws InterruptedException {
        RefreshProgress done = fleet.refresh();
        assertThat(done.phase()).as(done.describe()).isEqualTo(RefreshProgress.Phase.COMPLETE);
    }

    @Test
    void aChangeToRedAlertsOnceWhileItStaysRedAndAgainAfterRecovering() throws Exception {
        slapos.node("format", "COMP-1", "2");
        assertThat(slapos.cli("supply", SR, "COMP-1").exit()).isZero();
        assertThat(slapos.cli("request", "shop", SR, "--node", "computer_guid=COMP-1")
                        .exit())
                .isZero();
        slapos.node("sw", "COMP-1", SR, "available");
        slapos.node("inst", "COMP-1", "slappart0", "started");
        refresh();
        AlertEngine alerts = new AlertEngine("local", AlertOptions.defaults(), Clock.systemUTC());
        List<Alert> received = new CopyOnWriteArrayList<>();
        alerts.subscribe(Runnable::run, received::add);
        Subscription attached = alerts.attach(fleet);

        slapos.node("inst", "COMP-1", "slappart0", "error", "buildout failed at step 3");
        refresh();

        assertThat(received)
                .extracting(a -> a.subjects().get(0).object())
                .containsExactlyInAnyOrder(
                        new ObjectRef(ObjectRef.Kind.INSTANCE, "shop"),
                        new ObjectRef(ObjectRef.Kind.INSTANCE_TREE, "shop"));
        Alert instance = received.stream()
                .filter(a -> a.subjects().get(0).object().kind() == ObjectRef.Kind.INSTANCE)
                .findFirst()
                .orElseThrow();
        assertThat(instance.summary()).isFalse();
        assertThat(instance.title()).isEqualTo("Instance shop (COMP-1 slappart0) turned red on local");
        assertThat(instance.text()).contains("#error while instanciating: buildout failed at step 3");

        // still red, with another error text: no repeat
        slapos.node("inst", "COMP-1", "slappart0", "error", "buildout failed again");
        refresh();
        refresh();
        assertThat(received).hasSize(2);

        // green, then red again: a new alert
        slapos.node("inst", "COMP-1", "slappart0", "started");
        refresh();
        slapos.node("inst", "COMP-1", "slappart0", "error", "out of memory");
        refresh();
        assertThat(received).hasSize(4);
        assertThat(alerts.history()).hasSize(4);
        assertThat(received.get(3).text() + received.get(2).text()).contains("out of memory");
        attached.close();
    }

    @Test
    void manyObjectsTurningRedInOneRefreshGiveOneSummaryAndADisabledProfileGetsNone() throws Exception {
        slapos.node("format", "COMP-1", "1");
        for (int i = 0; i < 7; i++) {
            assertThat(slapos.cli("supply", SR + "?v=" + i, "COMP-1").exit()).isZero();
        }
        refresh();
        AlertEngine alerts = new AlertEngine("local", AlertOptions.defaults(), Clock.systemUTC());
        alerts.attach(fleet);

        for (int i = 0; i < 6; i++) {
            slapos.node("sw", "COMP-1", SR + "?v=" + i, "error");
        }
        refresh();

        assertThat(alerts.history()).singleElement().satisfies(summary -> {
            assertThat(summary.summary()).isTrue();
            assertThat(summary.title()).isEqualTo("6 objects turned red on local");
            assertThat(summary.text()).endsWith("and 1 more");
            assertThat(summary.subjects())
                    .extracting(WrongItem::object)
                    .allMatch(o -> o.kind() == ObjectRef.Kind.SOFTWARE_INSTALLATION)
                    .hasSize(6);
        });

        // alerts off for the profile, as stored with it
        try (AppStore store = AppStore.open(dir.resolve("slapdesk.db"))) {
            assertThat(store.alertSettings().enabled("local")).isTrue();
            store.alertSettings().setEnabled("local", false);
        }
        try (AppStore store = AppStore.open(dir.resolve("slapdesk.db"))) {
            alerts.setEnabled(store.alertSettings().enabled("local"));
        }
        slapos.node("sw", "COMP-1", SR + "?v=6", "error");
        refresh();
        assertThat(alerts.history()).hasSize(1);

        // on again: what turned red while off is not replayed
        alerts.setEnabled(true);
        refresh();
        assertThat(alerts.history()).hasSize(1);
    }
}
