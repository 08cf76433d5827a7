package org.slapdesk.core.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slapdesk.core.health.AwaitedReports;
import org.slapdesk.core.health.HealthRules;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.core.master.ChangeMark;
import org.slapdesk.core.master.FleetChanges;
import org.slapdesk.core.master.FleetRead;
import org.slapdesk.core.master.Master;
import org.slapdesk.core.master.MasterException;
import org.slapdesk.core.master.Retry;
import org.slapdesk.core.model.ComputeNode;
import org.slapdesk.core.model.ComputeNodeDetail;
import org.slapdesk.core.model.InstanceTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one profile's master knows about its fleet, read once for every consumer (pages, CLI
 * listings, monitoring). {@link #refresh} lists the nodes, reads each with at most
 * {@link FleetOptions#parallelReads} calls in flight (backing off while the master is busy),
 * diffs the result against what it held and publishes one {@link FleetUpdate} per refresh to the
 * listeners, each on its own executor. A master that answers fleet-wide searches is read in a few
 * calls whatever the fleet's size ({@link Master#readFleet}) instead of node by node; where
 * its answers carry a change counter, each later refresh asks only what changed since the last
 * ({@link Master#fleetChangesSince}) and applies it onto the snapshot it holds, reading the whole
 * fleet again every {@value #FULL_READ_EVERY}th refresh or when the counter does not follow.
 * A node that cannot be read keeps its previous rows and makes the refresh {@link RefreshProgress.Phase#PARTIAL}; only a complete refresh records health
 * samples and moves {@link RefreshProgress#lastCompleteRefresh}.
 *
 * <p>Thread safety: {@link #snapshot}, {@link #progress}, {@link #subscribe}, {@link #cancel} and
 * {@link #close} may be called from any thread; refreshes run one at a time on the caller's thread.
 */
public final class FleetState implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetState.class);
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(100);
    private static final long POLL_MILLIS = 50;
    /**
     * Every so many refreshes the whole fleet is read even where the master says what changed: a
     * safety net should a change ever escape the master's counter.
     */
    static final int FULL_READ_EVERY = 20;

    private final Master master;
    private final HealthRules rules;
    private final AwaitedReports awaitedReports = new AwaitedReports();
    private final HealthRecorder recorder;
    private final FleetReader reader;
    private final ExecutorService reads;
    private final FleetListeners listeners = new FleetListeners();
    private final AtomicReference<FleetSnapshot> snapshot = new AtomicReference<>(FleetSnapshot.empty());
    private final AtomicReference<RefreshProgress> progress = new AtomicReference<>(RefreshProgress.notStarted());
    private final AtomicReference<CancellationToken> running = new AtomicReference<>();
    private final AtomicReference<MasterException> lastFailure = new AtomicReference<>();
    private final Object refreshLock = new Object();
    /** Where the last complete read stood, to ask only what changed since; null: read everything. */
    private ChangeMark changeMark;

    private int changeReadsSinceFull;
    private final boolean ownsMaster;
    private volatile boolean closed;

    /** A fleet state reading {@code master}, which stays the caller's to close. */
    public FleetState(Master master, FleetOptions options, HealthRules rules, HealthRecorder recorder) {
        this(master, options, rules, recorder, false);
    }

    /** A fleet state that closes {@code master} when it is closed (one per profile, see {@link FleetStates}). */
    public static FleetState owning(Master master, FleetOptions options, HealthRules rules, HealthRecorder recorder) {
        return new FleetState(master, options, rules, recorder, true);
    }

    private FleetState(
            Master master, FleetOptions options, HealthRules rules, HealthRecorder recorder, boolean ownsMaster) {
        this.ownsMaster = ownsMaster;
        this.master = master;
        this.rules = rules;
        this.recorder = recorder;
        this.reader = new FleetReader(master, new Retry(options.backoff(), Retry.Sleeper.real()), new StringPool());
        this.reads = Executors.newFixedThreadPool(options.parallelReads(), new ReadThreads(master.url()));
    }

    /** The fleet as of the last refresh that got past listing; empty before. */
    public FleetSnapshot snapshot() {
        return snapshot.get();
    }

    public RefreshProgress progress() {
        return progress.get();
    }

    /**
     * What made the last refresh FAILED or PARTIAL (the first failure), typed so a command can
     * map it to its exit code; empty after a complete or cancelled refresh.
     */
    public Optional<MasterException> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    /**
     * Delivers every later update and progress to {@code listener} on {@code executor}. Read
     * {@link #snapshot()} after subscribing to start from the current state: applying an update
     * whose changes the snapshot already shows is harmless, since every change is keyed.
     */
    public Subscription subscribe(Executor executor, FleetListener listener) {
        return listeners.add(executor, listener);
    }

    /** Stops the refresh that is running, if any; it returns CANCELLED and changes nothing. */
    public void cancel() {
        CancellationToken token = running.get();
        if (token != null) {
            token.cancel();
        }
    }

    /**
     * Reads the master once and applies what changed. Blocks the calling thread (never the FX
     * thread) until the refresh completes, fails or is cancelled; only one refresh runs at a time.
     */
    public RefreshProgress refresh() throws InterruptedException {
        synchronized (refreshLock) {
            if (closed) {
                throw new IllegalStateException("the fleet state of " + master.url() + " is closed");
            }
            CancellationToken token = new CancellationToken();
            running.set(token);
            try {
                return read(token);
            } catch (InterruptedException e) {
                // the caller's thread was interrupted (task cancelled): say so rather than stay "running"
                RefreshProgress now = progress.get();
                publish(now.with(
                        RefreshProgress.Phase.CANCELLED,
                        now.nodesRead(),
                        now.nodesListed(),
                        now.nodesFailed(),
                        Optional.empty()));
                throw e;
            } finally {
                running.set(null);
            }
        }
    }

    private RefreshProgress read(CancellationToken token) throws InterruptedException {
        FleetSnapshot previous = snapshot.get();
        lastFailure.set(null);
        publish(progress.get().with(RefreshProgress.Phase.LISTING, 0, 0, 0, Optional.empty()));
        if (changeMark != null && previous.complete() && changeReadsSinceFull < FULL_READ_EVERY - 1) {
            RefreshProgress changed = readChanges(previous, token);
            if (changed != null) {
                return changed;
            }
        }
        changeMark = null;
        changeReadsSinceFull = 0;
        List<ComputeNode> listed;
        NodeReads nodeReads = null;
        Optional<ChangeMark> readMark = Optional.empty();
        try {
            Optional<FleetRead> all = reader.readFleet(token);
            if (all.isPresent()) {
                readMark = all.get().mark();
                nodeReads = new NodeReads(all.get().nodes(), Set.of(), Optional.empty());
                listed = all.get().nodes().stream().map(ComputeNodeDetail::node).toList();
                // every node is read at once; the services are still to come
                publish(progress.get()
                        .with(RefreshProgress.Phase.READING, listed.size(), listed.size(), 0, Optional.empty()));
            } else {
                listed = reader.nodes(token);
            }
        } catch (CancellationException e) {
            return publish(progress.get().with(RefreshProgress.Phase.CANCELLED, 0, 0, 0, Optional.empty()));
        } catch (IllegalStateException e) {
            if (!token.isCancelled()) {
                throw e;
            }
            // closed between two calls: the HTTP client refuses the next one outright
            return publish(progress.get().with(RefreshProgress.Phase.CANCELLED, 0, 0, 0, Optional.empty()));
        } catch (MasterException e) {
            if (token.isCancelled()) {
                // closing cuts the connections: the failure is the cancellation's doing
                return publish(progress.get().with(RefreshProgress.Phase.CANCELLED, 0, 0, 0, Optional.empty()));
            }
            LOG.debug("listing the nodes of {} failed", master.url(), e);
            lastFailure.set(e);
            return publish(progress.get().with(RefreshProgress.Phase.FAILED, 0, 0, 0, Optional.of(e.getMessage())));
        }
        if (nodeReads == null) {
            nodeReads = readNodes(listed, token);
            if (nodeReads == null) {
                return progress.get();
            }
        }
        SnapshotBuilder builder = new SnapshotBuilder(rules, awaitedReports);
        nodeReads.details().forEach(builder::node);
        builder.keep(previous, nodeReads.failed());
        Optional<String> problem = nodeReads.problem();
        boolean servicesRead = true;
        try {
            builder.services(reader.services(token));
        } catch (CancellationException e) {
            return publish(progress.get()
                    .with(RefreshProgress.Phase.CANCELLED, listed.size(), listed.size(), 0, Optional.empty()));
        } catch (MasterException e) {
            if (token.isCancelled()) {
                return publish(progress.get()
                        .with(RefreshProgress.Phase.CANCELLED, listed.size(), listed.size(), 0, Optional.empty()));
            }
            LOG.debug("listing the services of {} failed", master.url(), e);
            servicesRead = false;
            lastFailure.compareAndSet(null, e);
            builder.services(previous.services().values().stream()
                    .map(Tracked::value)
                    .map(InstanceTree.class::cast)
                    .toList());
            problem = problem.or(() -> Optional.of(e.getMessage()));
        }
        if (token.isCancelled()) {
            return publish(progress.get()
                    .with(RefreshProgress.Phase.CANCELLED, listed.size(), listed.size(), 0, Optional.empty()));
        }
        boolean complete = nodeReads.failed().isEmpty() && servicesRead;
        if (complete) {
            changeMark = readMark.orElse(null);
        }
        return publishSnapshot(
                previous, builder, listed.size(), nodeReads.failed().size(), complete, problem, Optional.empty());
    }

    /**
     * A refresh by what changed since {@link #changeMark}, applied onto {@code previous}; null when
     * the master cannot say what changed from that mark (or the read failed), and the caller reads
     * the whole fleet instead.
     */
    private RefreshProgress readChanges(FleetSnapshot previous, CancellationToken token) throws InterruptedException {
        Optional<FleetChanges> read;
        try {
            read = reader.changesSince(changeMark, token);
        } catch (CancellationException e) {
            return publish(progress.get().with(RefreshProgress.Phase.CANCELLED, 0, 0, 0, Optional.empty()));
        } catch (IllegalStateException e) {
            if (!token.isCancelled()) {
                throw e;
            }
            return publish(progress.get().with(RefreshProgress.Phase.CANCELLED, 0, 0, 0, Optional.empty()));
        } catch (MasterException e) {
            if (token.isCancelled()) {
                return publish(progress.get().with(RefreshProgress.Phase.CANCELLED, 0, 0, 0, Optional.empty()));
            }
            LOG.debug("reading what changed on {} failed: reading the whole fleet", master.url(), e);
            return null;
        }
        if (read.isEmpty()) {
            LOG.debug("{} cannot say what changed since {}: reading the whole fleet", master.url(), changeMark);
            return null;
        }
        FleetChanges changes = read.get();
        SnapshotBuilder builder =
                SnapshotBuilder.from(previous, rules, awaitedReports).apply(changes);
        Map<String, InstanceTree> services = new LinkedHashMap<>();
        previous.services().forEach((title, tree) -> services.put(title, tree.value()));
        services.keySet().removeAll(changes.removedServices());
        changes.services().forEach(tree -> services.put(tree.title(), tree));
        builder.services(List.copyOf(services.values()));
        if (token.isCancelled()) {
            return publish(progress.get().with(RefreshProgress.Phase.CANCELLED, 0, 0, 0, Optional.empty()));
        }
        changeMark = changes.mark();
        changeReadsSinceFull++;
        int nodes = builder.nodeCount();
        Optional<Map<FleetKind, Set<String>>> touched = touchedKeys(changes);
        return publishSnapshot(previous, builder, nodes, 0, true, Optional.empty(), touched);
    }

    /**
     * The partition and installation keys a read of changes can have touched, so that the diff
     * costs the change rather than the fleet; nodes and services are compared whole (their
     * colours move with time). Empty when a node went, taking rows the changes do not name.
     */
    private static Optional<Map<FleetKind, Set<String>>> touchedKeys(FleetChanges changes) {
        if (!changes.removedNodes().isEmpty()) {
            return Optional.empty();
        }
        Set<String> partitions = new HashSet<>();
        changes.partitions()
                .forEach(p -> partitions.add(FleetSnapshot.partitionKey(p.computeNodeReference(), p.reference())));
        changes.removedPartitions()
                .forEach(p -> partitions.add(FleetSnapshot.partitionKey(p.nodeReference(), p.reference())));
        Set<String> installations = new HashSet<>();
        changes.installations()
                .forEach(i -> installations.add(
                        FleetSnapshot.installationKey(i.computeNodeReference(), i.softwareReleaseUrl())));
        changes.removedInstallations()
                .forEach(i -> installations.add(FleetSnapshot.installationKey(i.nodeReference(), i.reference())));
        return Optional.of(Map.of(FleetKind.PARTITION, partitions, FleetKind.SOFTWARE_INSTALLATION, installations));
    }

    private RefreshProgress publishSnapshot(
            FleetSnapshot previous,
            SnapshotBuilder builder,
            int listed,
            int failed,
            boolean complete,
            Optional<String> problem,
            Optional<Map<FleetKind, Set<String>>> touched) {
        Instant now = rules.now();
        FleetSnapshot next = builder.build(now, complete);
        FleetDiff diff = touched.map(keys -> FleetDiff.between(previous, next, keys))
                .orElseGet(() -> FleetDiff.between(previous, next));
        snapshot.set(next);
        RefreshProgress done = complete
                ? progress.get()
                        .with(RefreshProgress.Phase.READING, listed, listed, 0, Optional.empty())
                        .completedAt(now)
                : progress.get().with(RefreshProgress.Phase.PARTIAL, listed, listed, failed, problem);
        if (complete) {
            recordHealth(next, now);
        }
        progress.set(done);
        if (!diff.changes().isEmpty() || !diff.transitions().isEmpty()) {
            listeners.update(new FleetUpdate(next, diff.changes(), diff.transitions(), done));
        }
        return publish(done);
    }

    private void recordHealth(FleetSnapshot next, Instant now) {
        try {
            recorder.record(next, now);
        } catch (RuntimeException e) {
            // the fleet stays usable when the history cannot be written; the next refresh tries again
            LOG.warn("could not record the fleet's health samples: {}", e.getMessage());
        }
    }

    /** What the parallel node reads gave: details, the nodes that failed and the first failure. */
    private record NodeReads(List<ComputeNodeDetail> details, Set<String> failed, Optional<String> problem) {}

    /** Reads every listed node, at most parallelReads at once; null when cancelled. */
    private NodeReads readNodes(List<ComputeNode> listed, CancellationToken token) throws InterruptedException {
        CompletionService<ComputeNodeDetail> completion = new ExecutorCompletionService<>(reads);
        Map<Future<ComputeNodeDetail>, String> pending = new HashMap<>();
        for (ComputeNode node : listed) {
            pending.put(completion.submit(() -> reader.node(node, token)), node.reference());
        }
        List<ComputeNodeDetail> details = new ArrayList<>();
        Set<String> failed = new HashSet<>();
        String problem = null;
        AtomicInteger done = new AtomicInteger();
        long lastProgress = 0;
        publish(progress.get().with(RefreshProgress.Phase.READING, 0, listed.size(), 0, Optional.empty()));
        try {
            while (done.get() < listed.size()) {
                if (token.isCancelled()) {
                    pending.keySet().forEach(f -> f.cancel(true));
                    publish(progress.get()
                            .with(RefreshProgress.Phase.CANCELLED, done.get(), listed.size(), 0, Optional.empty()));
                    return null;
                }
                Future<ComputeNodeDetail> finished = completion.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (finished == null) {
                    continue;
                }
                String reference = pending.remove(finished);
                done.incrementAndGet();
                try {
                    details.add(finished.get());
                } catch (ExecutionException e) {
                    failed.add(reference);
                    if (e.getCause() instanceof MasterException cause) {
                        lastFailure.compareAndSet(null, cause);
                    }
                    if (problem == null) {
                        problem = "node " + reference + ": " + e.getCause().getMessage();
                    }
                    LOG.debug("reading node {} of {} failed", reference, master.url(), e.getCause());
                }
                long nowMillis = System.nanoTime() / 1_000_000;
                if (nowMillis - lastProgress >= PROGRESS_EVERY.toMillis()) {
                    lastProgress = nowMillis;
                    publish(progress.get()
                            .with(
                                    RefreshProgress.Phase.READING,
                                    done.get(),
                                    listed.size(),
                                    failed.size(),
                                    Optional.empty()));
                }
            }
        } catch (InterruptedException e) {
            token.cancel();
            pending.keySet().forEach(f -> f.cancel(true));
            throw e;
        }
        return new NodeReads(details, failed, Optional.ofNullable(problem));
    }

    private RefreshProgress publish(RefreshProgress value) {
        progress.set(value);
        listeners.progress(value);
        return value;
    }

    /** Cancels a running refresh and stops the read threads; closes the master when it owns it. */
    @Override
    public void close() {
        closed = true;
        cancel();
        reads.shutdownNow();
        listeners.clear();
        if (ownsMaster) {
            master.close();
        }
    }
}
