package org.slapdesk.core.fleet;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the fleet's reading stands, so a window never passes off a partial read as the fleet:
 * the phase, how many nodes were read of how many listed, how many failed, and when the last
 * COMPLETE refresh ended (not the last attempt).
 */
public record RefreshProgress(
        Phase phase,
        int nodesRead,
        int nodesListed,
        int nodesFailed,
        Optional<Instant> lastCompleteRefresh,
        Optional<String> problem) {

    public enum Phase {
        /** Nothing read yet. */
        NOT_STARTED,
        /** Asking the master for its list of nodes. */
        LISTING,
        /** Reading each node: {@code nodesRead} of {@code nodesListed} done. */
        READING,
        /** Every node was read: the snapshot is the fleet. */
        COMPLETE,
        /** Some nodes could not be read: they keep what was held before. */
        PARTIAL,
        /** Stopped by the user, a profile switch or close: nothing of it was applied. */
        CANCELLED,
        /** The master could not even be listed: nothing changed. */
        FAILED
    }

    public RefreshProgress {
        Objects.requireNonNull(phase, "phase");
        lastCompleteRefresh = lastCompleteRefresh == null ? Optional.empty() : lastCompleteRefresh;
        problem = problem == null ? Optional.empty() : problem;
    }

    public static RefreshProgress notStarted() {
        return new RefreshProgress(Phase.NOT_STARTED, 0, 0, 0, Optional.empty(), Optional.empty());
    }

    public boolean isRunning() {
        return phase == Phase.LISTING || phase == Phase.READING;
    }

    RefreshProgress with(Phase newPhase, int read, int listed, int failed, Optional<String> why) {
        return new RefreshProgress(newPhase, read, listed, failed, lastCompleteRefresh, why);
    }

    RefreshProgress completedAt(Instant at) {
        return new RefreshProgress(Phase.COMPLETE, nodesRead, nodesListed, 0, Optional.of(at), Optional.empty());
    }

    /** One line for a status bar, e.g. "Reading servers: 120 of 1000 (last complete refresh 2026-...)". */
    public String describe() {
        String last = lastCompleteRefresh
                .map(at -> " (last complete refresh " + at + ")")
                .orElse(" (no complete refresh yet)");
        return switch (phase) {
            case NOT_STARTED -> "Not read yet";
            case LISTING -> "Listing servers" + last;
            case READING -> "Reading servers: " + nodesRead + " of " + nodesListed + last;
            case COMPLETE -> "All " + nodesListed + " servers read" + last;
            case PARTIAL ->
                (nodesFailed == 0
                                ? "The services could not be read"
                                : nodesFailed + " of " + nodesListed + " servers could not be read")
                        + problem.map(p -> ": " + p).orElse("")
                        + last;
            case CANCELLED -> "Refresh cancelled after " + nodesRead + " of " + nodesListed + " servers" + last;
            case FAILED ->
                "The master could not be read" + problem.map(p -> ": " + p).orElse("") + last;
        };
    }
}
