package org.slapdesk.remote.action;

import java.util.List;
import org.slapdesk.remote.ssh.NodeException;

/**
 * Applying a plan failed. The node was rolled back; {@link #rollbackProblems()} lists what
 * could not be undone (empty: the node is as it was before).
 */
public final class PlanFailedException extends NodeException {

    private static final long serialVersionUID = 1L;
    private final transient List<String> rollbackProblems;

    public PlanFailedException(String message, List<String> rollbackProblems, Throwable cause) {
        super(
                message
                        + (rollbackProblems.isEmpty()
                                ? " Everything the plan changed was undone."
                                : " Rollback was incomplete: " + String.join("; ", rollbackProblems)),
                cause);
        this.rollbackProblems = List.copyOf(rollbackProblems);
    }

    public List<String> rollbackProblems() {
        return rollbackProblems;
    }
}
