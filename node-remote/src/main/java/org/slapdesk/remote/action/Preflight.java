package org.slapdesk.remote.action;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.Shell;

/**
 * Checks, before a plan's first change, that the programs it runs are on the node: a missing
 * one fails the plan with what to install, instead of failing at its step and rolling back.
 */
public final class Preflight {

    private Preflight() {}

    /** One round trip; names every missing program with how to get it. */
    public static void require(NodeConnection node, List<Requirement> needed) throws NodeException {
        if (needed.isEmpty()) {
            return;
        }
        StringBuilder script = new StringBuilder("for c in");
        needed.forEach(r -> script.append(' ').append(Shell.quote(r.command())));
        // root's sbin folders hold ip, blkid, mount... even when the SSH user's PATH lacks them
        script.append("; do command -v \"$c\" >/dev/null 2>&1 || [ -x \"/sbin/$c\" ] || [ -x \"/usr/sbin/$c\" ]"
                + " || echo \"$c\"; done");
        Set<String> missing = new LinkedHashSet<>(
                node.run(script.toString()).requireOk().stdout().lines().toList());
        List<String> reasons = new ArrayList<>();
        for (Requirement r : needed) {
            if (missing.remove(r.command())) {
                reasons.add(r.command() + " is not installed on "
                        + node.target().display() + ": " + r.install() + " and run again");
            }
        }
        if (!reasons.isEmpty()) {
            throw new MissingProgramException(String.join("; ", reasons) + " (nothing was changed)");
        }
    }

    /** A program the plan needs is not on the node. */
    public static final class MissingProgramException extends NodeException {
        private static final long serialVersionUID = 1L;

        MissingProgramException(String message) {
            super(message);
        }
    }
}
