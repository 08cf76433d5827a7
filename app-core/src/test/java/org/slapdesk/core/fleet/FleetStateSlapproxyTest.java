package org.slapdesk.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.health.HealthRules;
import org.slapdesk.core.health.HealthSample;
import org.slapdesk.core.health.TimeRange;
import org.slapdesk.core.master.ClientOptions;
import org.slapdesk.core.master.HateoasEndpoint;
import org.slapdesk.core.master.MasterException;
import org.slapdesk.core.master.MasterHttp;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.Retry;
import org.slapdesk.core.master.SlapEndpoint;
import org.slapdesk.core.master.SlapMaster;
import org.slapdesk.core.model.InstanceRequest;
import org.slapdesk.core.model.PartitionState;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.monitor.FleetMetrics;
import org.slapdesk.core.monitor.HealthHistoryStore;
import org.slapdesk.core.monitor.HistoryOptions;
import org.slapdesk.core.monitor.MonitoredFleet;
import org.slapdesk.core.store.AppStore;
import org.slapdesk.core.wire.ComputerConfiguration;
import org.slapdesk.core.wire.ComputerConfiguration.Address;
import org.slapdesk.core.wire.ComputerConfiguration.Partition;
import org.slapdesk.testlab.RealSlapproxy;

/**
 * The fleet state against a real {@code slapos proxy} holding 30 formatted nodes, read directly
 * or through a real loopback proxy that counts, holds, refuses or fails requests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetStateSlapproxyTest {

    private static final int NODES = 30;
    private static final Retry.Policy QUICK_BACKOFF =
            new Retry.Policy(Duration.ofMillis(20), Duration.ofMillis(100), 2.0, 6);

    private RealSlapproxy slapproxy;
    private SlapMaster direct;
    private Path folder;
    private String release;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        folder = dir;
        slapproxy = RealSlapproxy.start(dir.resolve("proxy"));
        direct = open(URI.create(slapproxy.url() + "/"));
        release = dir.resolve("software/software.cfg").toString();
        try (MasterHttp http =
                MasterHttp.open(MasterProfile.plain("node", slapproxy.url()), ClientOptions.defaults())) {
            SlapEndpoint asANode = new SlapEndpoint(http, URI.create(slapproxy.url() + "/"));
            for (int i = 0; i < NODES; i++) {
                assertThat(asANode.loadComputerConfigurationFromXml(node("node-" + i, 2)))
                        .isEqualTo("done");
            }
        }
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        if (direct != null) {
            direct.close();
        }
        if (slapproxy != null) {
            slapproxy.close();
        }
    }

    @Test
    void oneRefreshGivesEveryNodeWithHealthAndRecordsSamples() throws Exception {
        AppStore store = AppStore.open(folder.resolve("samples.db"));
        toClose.add(store);
        HealthHistoryStore history =
                HealthHistoryStore.open(store, "proxy", HistoryOptions.defaults(), Clock.systemUTC());
        toClose.add(history);
        FleetState fleet = fleet(direct, FleetOptions.defaults(), HealthRecorder.to(history));
        List<FleetUpdate> updates = new CopyOnWriteArrayList<>();
        List<RefreshProgress> progress = new CopyOnWriteArrayList<>();
        fleet.subscribe(Runnable::run, new FleetListener() {
            @Override
            public void onUpdate(FleetUpdate update) {
                updates.add(update);
            }

            @Override
            public void onProgress(RefreshProgress value) {
                progress.add(value);
            }
        });

        RefreshProgress done = fleet.refresh();

        assertThat(done.phase()).isEqualTo(RefreshProgress.Phase.COMPLETE);
        assertThat(done.lastCompleteRefresh()).isPresent();
        FleetSnapshot snapshot = fleet.snapshot();
        assertThat(snapshot.complete()).isTrue();
        for (int i = 0; i < NODES; i++) {
            Tracked<?> node = snapshot.nodes().get("node-" + i);
            assertThat(node).as("node-" + i).isNotNull();
            // slapproxy keeps no access status: the dashboard's "no data" grey
            assertThat(node.health().level()).isEqualTo(Health.Level.GREY);
            assertThat(snapshot.partitions().get(FleetSnapshot.partitionKey("node-" + i, "slappart1")))
                    .isNotNull();
        }
        assertThat(done.nodesListed()).isEqualTo(snapshot.nodes().size()).isGreaterThanOrEqualTo(NODES);
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).changes())
                .filteredOn(c -> c.kind() == FleetKind.NODE)
                .allMatch(c -> c.type() == FleetChange.Type.ADDED)
                .hasSize(snapshot.nodes().size());
        assertThat(progress).extracting(RefreshProgress::phase).contains(RefreshProgress.Phase.READING);
        assertThat(progress.get(progress.size() - 1).phase()).isEqualTo(RefreshProgress.Phase.COMPLETE);
        HealthSample.ObjectRef node7 = new HealthSample.ObjectRef(HealthSample.ObjectRef.Kind.NODE, "node-7");
        TimeRange untilNow = new TimeRange(Instant.EPOCH, Instant.now().plusSeconds(60));
        assertThat(history.strip(node7, untilNow))
                .singleElement()
                .extracting(s -> s.health().level())
                .isEqualTo(Health.Level.GREY);
        assertThat(history.counts(HealthSample.ObjectRef.Kind.NODE, untilNow))
                .singleElement()
                .satisfies(c -> assertThat(c.grey()).isEqualTo(snapshot.nodes().size()));
    }

    @Test
    void afterOneNodeChangesOnlyItsEventsFire() throws Exception {
        FleetState fleet = fleet(direct, FleetOptions.defaults(), HealthRecorder.none());
        fleet.refresh();
        List<FleetUpdate> updates = new CopyOnWriteArrayList<>();
        fleet.subscribe(Runnable::run, updates::add);

        fleet.refresh();
        assertThat(updates).as("nothing changed: no update").isEmpty();

        String software = folder.resolve("software/other.cfg").toString();
        direct.supply(software, "node-7");
        direct.request(new InstanceRequest(
                "fleet-one",
                release,
                "default",
                Map.of(),
                false,
                Map.of("computer_guid", "node-3"),
                false,
                RequestedState.STARTED));
        fleet.refresh();

        assertThat(updates).hasSize(1);
        List<FleetChange> changes = updates.get(0).changes();
        assertThat(changes)
                .extracting(FleetChange::kind, FleetChange::type, FleetChange::key)
                .containsExactlyInAnyOrder(
                        tuple(
                                FleetKind.SOFTWARE_INSTALLATION,
                                FleetChange.Type.ADDED,
                                FleetSnapshot.installationKey("node-7", software)),
                        tuple(
                                FleetKind.PARTITION,
                                FleetChange.Type.CHANGED,
                                FleetSnapshot.partitionKey("node-3", "slappart0")),
                        tuple(FleetKind.INSTANCE_TREE, FleetChange.Type.ADDED, "fleet-one"));
        assertThat(fleet.snapshot().instances().get("fleet-one").value().state())
                .isEqualTo(PartitionState.BUSY);
        // the partition went from free (grey) to an instance that never reported (grey): no transition
        assertThat(updates.get(0).transitions()).isEmpty();

        direct.changeState("fleet-one", RequestedState.DESTROYED);
        direct.remove(software, "node-7");
        fleet.refresh();
        assertThat(updates).hasSize(2);
        assertThat(updates.get(1).changes())
                .extracting(FleetChange::key)
                .contains(FleetSnapshot.installationKey("node-7", software))
                .allMatch(key -> key.contains("node-7") || key.contains("node-3") || key.equals("fleet-one"));
    }

    @Test
    void parallelReadsAreBoundedByTheLimit() throws Exception {
        LoopbackProxy proxy = proxy();
        proxy.holdEachRequest(Duration.ofMillis(60));
        FleetState fleet =
                fleet(open(proxy.url()), FleetOptions.defaults().withParallelReads(3), HealthRecorder.none());

        RefreshProgress done = fleet.refresh();
        assertThat(done.phase()).as(done.describe()).isEqualTo(RefreshProgress.Phase.COMPLETE);

        assertThat(proxy.maxInFlight()).isEqualTo(3);
        assertThat(fleet.snapshot().nodes()).hasSizeGreaterThanOrEqualTo(NODES);
    }

    @Test
    void cancelStopsARefreshPromptlyAndChangesNothing() throws Exception {
        LoopbackProxy proxy = proxy();
        proxy.holdEachRequest(Duration.ofMillis(300));
        FleetState fleet =
                fleet(open(proxy.url()), FleetOptions.defaults().withParallelReads(2), HealthRecorder.none());
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<RefreshProgress> refresh = caller.submit(fleet::refresh);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (fleet.progress().phase() != RefreshProgress.Phase.READING
                    || fleet.progress().nodesRead() < 2) {
                assertThat(System.nanoTime()).as("reading started").isLessThan(deadline);
                Thread.sleep(20);
            }
            long cancelledAt = System.nanoTime();
            fleet.cancel();
            RefreshProgress done = refresh.get(5, TimeUnit.SECONDS);
            long tookMillis = (System.nanoTime() - cancelledAt) / 1_000_000;

            assertThat(done.phase()).isEqualTo(RefreshProgress.Phase.CANCELLED);
            // 30 nodes, 2 at a time, 2 calls of 300 ms each: about 9 s if it ran on
            assertThat(tookMillis).isLessThan(1000);
            assertThat(done.nodesRead()).isLessThan(NODES);
            assertThat(fleet.snapshot().nodes()).isEmpty();
            assertThat(done.lastCompleteRefresh()).isEmpty();
        } finally {
            caller.shutdownNow();
        }
    }

    @Test
    void metricsCountTheNodesOfTheLastFinishedRefreshWhileTheNextRuns() throws Exception {
        LoopbackProxy proxy = proxy();
        FleetState fleet =
                fleet(open(proxy.url()), FleetOptions.defaults().withParallelReads(2), HealthRecorder.none());
        MonitoredFleet monitored = new MonitoredFleet("proxy", fleet);
        PrometheusRegistry registry = new PrometheusRegistry();
        FleetMetrics.register(() -> List.of(monitored), Clock.systemUTC(), registry);
        assertThat(monitored.refresh().phase()).isEqualTo(RefreshProgress.Phase.COMPLETE);
        assertThat(nodesRead(registry)).isEqualTo(NODES);

        proxy.holdEachRequest(Duration.ofMillis(300));
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<RefreshProgress> next = caller.submit(monitored::refresh);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!fleet.progress().isRunning()) {
                assertThat(System.nanoTime()).as("the next refresh started").isLessThan(deadline);
                Thread.sleep(10);
            }
            assertThat(nodesRead(registry))
                    .as("a scrape while the next refresh lists must not read 0")
                    .isEqualTo(NODES);
            fleet.cancel();
            next.get(10, TimeUnit.SECONDS);
            assertThat(nodesRead(registry))
                    .as("a cancelled refresh is not a finished one")
                    .isEqualTo(NODES);
        } finally {
            caller.shutdownNow();
        }
    }

    private static double nodesRead(PrometheusRegistry registry) {
        return registry.scrape().stream()
                .filter(m -> m.getMetadata().getName().equals("slapdesk_nodes_read"))
                .map(m -> ((GaugeSnapshot) m).getDataPoints().get(0).getValue())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void interruptingTheRefreshingThreadEndsItCancelled() throws Exception {
        LoopbackProxy proxy = proxy();
        proxy.holdEachRequest(Duration.ofMillis(300));
        FleetState fleet =
                fleet(open(proxy.url()), FleetOptions.defaults().withParallelReads(2), HealthRecorder.none());
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<RefreshProgress> refresh = caller.submit(fleet::refresh);
            while (fleet.progress().phase() != RefreshProgress.Phase.READING) {
                Thread.sleep(10);
            }
            refresh.cancel(true);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (fleet.progress().isRunning() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(fleet.progress().phase()).isEqualTo(RefreshProgress.Phase.CANCELLED);
            assertThat(fleet.snapshot().nodes()).isEmpty();
        } finally {
            caller.shutdownNow();
        }
    }

    @Test
    void busyAnswersAreWaitedOutWithBackoff() throws Exception {
        LoopbackProxy proxy = proxy();
        proxy.answerBusy(5, "getFullComputerInformation");
        FleetState fleet =
                fleet(open(proxy.url()), FleetOptions.defaults().withBackoff(QUICK_BACKOFF), HealthRecorder.none());

        RefreshProgress done = fleet.refresh();

        assertThat(proxy.busyAnswered()).as("429 and 503 answers given").isEqualTo(5);
        assertThat(done.phase()).isEqualTo(RefreshProgress.Phase.COMPLETE);
        assertThat(fleet.snapshot().nodes()).hasSizeGreaterThanOrEqualTo(NODES);
        assertThat(fleet.snapshot().partitions()).hasSizeGreaterThanOrEqualTo(2 * NODES);
    }

    @Test
    void aNodeThatCannotBeReadKeepsItsRowsAndMakesTheRefreshPartial() throws Exception {
        LoopbackProxy proxy = proxy();
        AppStore store = AppStore.open(folder.resolve("partial.db"));
        toClose.add(store);
        HealthHistoryStore history =
                HealthHistoryStore.open(store, "proxy", HistoryOptions.defaults(), Clock.systemUTC());
        toClose.add(history);
        AtomicInteger recorded = new AtomicInteger();
        FleetState fleet = fleet(open(proxy.url()), FleetOptions.defaults(), HealthRecorder.to((s, at) -> {
            recorded.incrementAndGet();
            history.record(s, at);
        }));
        RefreshProgress first = fleet.refresh();
        assertThat(first.phase()).as(first.describe()).isEqualTo(RefreshProgress.Phase.COMPLETE);
        int partitionsBefore = fleet.snapshot().partitions().size();
        List<FleetUpdate> updates = new CopyOnWriteArrayList<>();
        fleet.subscribe(Runnable::run, updates::add);

        proxy.failRequestsMentioning("node-5");
        RefreshProgress second = fleet.refresh();

        assertThat(second.phase()).isEqualTo(RefreshProgress.Phase.PARTIAL);
        assertThat(second.nodesFailed()).isEqualTo(1);
        assertThat(second.problem()).hasValueSatisfying(p -> assertThat(p).contains("node-5"));
        assertThat(second.lastCompleteRefresh()).isEqualTo(first.lastCompleteRefresh());
        assertThat(second.describe()).contains("1 of").contains("could not be read");
        assertThat(fleet.snapshot().complete()).isFalse();
        assertThat(fleet.snapshot().nodes()).containsKey("node-5");
        assertThat(fleet.snapshot().partitions()).hasSize(partitionsBefore);
        assertThat(updates).as("nothing was removed").isEmpty();
        HealthSample.ObjectRef node5 = new HealthSample.ObjectRef(HealthSample.ObjectRef.Kind.NODE, "node-5");
        assertThat(recorded).as("a partial refresh records nothing").hasValue(1);
        assertThat(history.strip(
                        node5, new TimeRange(Instant.EPOCH, Instant.now().plusSeconds(60))))
                .hasSize(1);
        proxy.failRequestsMentioning(null);
    }

    @Test
    void listingsPageThroughAMasterThatLimitsItsSearches() throws Exception {
        LoopbackProxy proxy = proxy();
        proxy.limitSearchesLikeTheMaster();
        MasterHttp http =
                MasterHttp.open(MasterProfile.plain("paged", proxy.url().toString()), ClientOptions.defaults());
        toClose.add(http);
        HateoasEndpoint hateoas = new HateoasEndpoint(http, URI.create(proxy.url() + "hateoas/"), 7);
        int nodes = direct.nodes().size();

        List<String> references = hateoas.computerList().stream()
                .map(row -> row.path("reference").asText())
                .toList();

        assertThat(references).hasSize(nodes).doesNotHaveDuplicates().contains("node-0", "node-29");
        assertThat(proxy.searches()).as("pages of 7 rows").isEqualTo(nodes / 7 + 1);
    }

    @Test
    void oneFleetStatePerProfileAndForgettingOneCancelsItsRefresh() throws Exception {
        LoopbackProxy slow = proxy();
        slow.holdEachRequest(Duration.ofMillis(300));
        List<String> opened = new CopyOnWriteArrayList<>();
        FleetStates fleets = new FleetStates(profile -> {
            opened.add(profile);
            URI url = profile.equals("slow") ? slow.url() : URI.create(slapproxy.url() + "/");
            return FleetState.owning(
                    openUnowned(url),
                    FleetOptions.defaults(),
                    new HealthRules(Clock.systemUTC()),
                    HealthRecorder.none());
        });
        toClose.add(fleets);

        assertThat(fleets.of("lab")).isSameAs(fleets.of("lab"));
        assertThat(fleets.of("slow")).isNotSameAs(fleets.of("lab"));
        assertThat(opened).containsExactly("lab", "slow");

        FleetState slowFleet = fleets.of("slow");
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<RefreshProgress> refresh = caller.submit(slowFleet::refresh);
            while (!slowFleet.progress().isRunning()) {
                Thread.sleep(10);
            }
            fleets.forget("slow");
            assertThat(refresh.get(5, TimeUnit.SECONDS).phase()).isEqualTo(RefreshProgress.Phase.CANCELLED);
        } finally {
            caller.shutdownNow();
        }
        assertThat(fleets.ifOpen("slow")).isEmpty();
        assertThat(fleets.of("slow")).isNotSameAs(slowFleet);
        assertThat(fleets.of("lab").refresh().phase()).isEqualTo(RefreshProgress.Phase.COMPLETE);
    }

    private FleetState fleet(SlapMaster master, FleetOptions options, HealthRecorder recorder) {
        FleetState fleet = new FleetState(master, options, new HealthRules(Clock.systemUTC()), recorder);
        toClose.add(fleet);
        return fleet;
    }

    private LoopbackProxy proxy() throws Exception {
        LoopbackProxy proxy = new LoopbackProxy(URI.create(slapproxy.url()));
        toClose.add(proxy);
        return proxy;
    }

    private SlapMaster openUnowned(URI masterUrl) throws MasterException {
        String url = masterUrl.toString();
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return SlapMaster.open(
                MasterProfile.plain("proxy", base).withRestUrl(URI.create(base + "/hateoas/")),
                ClientOptions.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30)));
    }

    private SlapMaster open(URI masterUrl) throws Exception {
        String url = masterUrl.toString();
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        SlapMaster master = SlapMaster.open(
                // slapproxy redirects /hateoas to /hateoas/ and builds its search links from the Host
                // it sees (its own): the listing may bypass the loopback proxy, the node reads do not
                MasterProfile.plain("proxy", base).withRestUrl(URI.create(base + "/hateoas/")),
                ClientOptions.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30)));
        if (!url.equals(slapproxy.url() + "/")) {
            toClose.add(master);
        }
        return master;
    }

    private static ComputerConfiguration node(String reference, int partitions) {
        List<Partition> list = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            list.add(Partition.simple(
                    "slappart" + i,
                    "/srv/slapgrid/slappart" + i,
                    List.of(Address.of("10.0.0." + (i + 2), "255.255.255.255")),
                    "slaptap" + i));
        }
        return ComputerConfiguration.minimal(reference, "10.0.0.1", "255.255.255.0", list);
    }
}
