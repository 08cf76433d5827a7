package org.slapdesk.gui.session;

import java.util.Optional;
import org.slapdesk.core.fleet.RefreshProgress;
import org.slapdesk.gui.util.Times;

/**
 * The status bar's word on the fleet's reading: how far a running refresh is, a partial result
 * as partial, and "last complete refresh" only for one that read every server.
 */
public final class RefreshStatusText {

    private RefreshStatusText() {}

    public static String of(RefreshProgress progress) {
        String last = progress.lastCompleteRefresh()
                .map(at -> "last complete refresh " + Times.clock(at))
                .orElse("no complete refresh yet");
        return switch (progress.phase()) {
            case NOT_STARTED -> "not read yet";
            case LISTING -> "listing servers… — " + last;
            case READING -> "servers read: " + progress.nodesRead() + " of " + progress.nodesListed() + " — " + last;
            case COMPLETE -> last;
            case PARTIAL -> partial(progress) + " — " + last;
            case CANCELLED -> "refresh cancelled — " + last;
            case FAILED -> "refresh failed" + problem(progress.problem()) + " — " + last;
        };
    }

    private static String partial(RefreshProgress progress) {
        return progress.nodesFailed() == 0
                ? "partial: the services could not be read"
                : "partial: " + progress.nodesFailed() + (progress.nodesFailed() == 1 ? " server" : " servers")
                        + " could not be read";
    }

    private static String problem(Optional<String> problem) {
        return problem.map(p -> ": " + p).orElse("");
    }
}
