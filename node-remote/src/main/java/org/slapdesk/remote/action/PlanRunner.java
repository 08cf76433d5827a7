package org.slapdesk.remote.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.remote.file.RemoteFile;
import org.slapdesk.remote.ssh.CommandResult;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a plan step by step, streaming output; then verifies by reading the node back.
 * If a step fails, the verification fails, or the user cancels, every step already done is
 * undone in reverse order (files put back as they were and their backups removed, commands
 * reversed by their undo command).
 */
public final class PlanRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PlanRunner.class);

    private final NodeConnection node;
    private final RemoteFile files;

    public PlanRunner(NodeConnection node) {
        this.node = node;
        this.files = new RemoteFile(node);
    }

    public ApplyResult apply(NodeAction action, Plan plan, ProgressListener progress, CancellationToken cancel)
            throws NodeException {
        List<Runnable> undo = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> backups = new ArrayList<>();
        List<Step> steps = plan.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            progress.stepStarted(i + 1, steps.size(), step);
            try {
                if (cancel.isCancelled()) {
                    throw new NodeException.Cancelled("Cancelled before step " + (i + 1));
                }
                if (step instanceof Step.FileStep f) {
                    Optional<String> backup = files.apply(f.change());
                    backup.ifPresent(backups::add);
                    undo.add(() ->
                            attempt(problems, "restore " + f.change().path(), () -> files.restore(f.change(), backup)));
                } else if (step instanceof Step.CommandStep c) {
                    CommandResult result = node.exec(c.command(), null, c.timeout(), progress, cancel);
                    if (!result.ok()) {
                        throw new NodeException("step " + (i + 1) + " (" + c.description() + ") failed: `"
                                + c.mask(c.command()) + "` exited " + result.exitCode()
                                + c.mask(explain(result)));
                    }
                    c.undo()
                            .ifPresent(
                                    u -> undo.add(() -> attempt(problems, "undo `" + c.mask(u) + "`", () -> node.run(u)
                                            .requireOk())));
                }
            } catch (NodeException | RuntimeException e) {
                boolean secret =
                        step instanceof Step.CommandStep c && !c.secrets().isEmpty();
                String why =
                        step instanceof Step.CommandStep c ? c.mask(String.valueOf(e.getMessage())) : e.getMessage();
                rollBack(undo, progress, why);
                throw new PlanFailedException(
                        plan.title() + " failed at step " + (i + 1) + " of " + steps.size() + " (" + step.description()
                                + "): " + why + ".",
                        problems,
                        secret ? null : e);
            }
        }
        Verification verification;
        try {
            verification = action.verify(node);
        } catch (NodeException e) {
            rollBack(undo, progress, "verification could not read the node: " + e.getMessage());
            throw new PlanFailedException(
                    plan.title() + ": reading the node back failed: " + e.getMessage() + ".", problems, e);
        }
        if (!verification.isOk()) {
            rollBack(undo, progress, "verification found " + verification.problems());
            throw new PlanFailedException(
                    plan.title() + ": the node does not show the change: " + String.join("; ", verification.problems())
                            + ".",
                    problems,
                    null);
        }
        return new ApplyResult(plan, verification, backups);
    }

    /** Stderr, or the end of stdout when a tool reports its errors there (supervisorctl does). */
    private static String explain(CommandResult result) {
        String text = result.stderr().isBlank() ? result.stdout() : result.stderr();
        List<String> lines = text.strip().lines().toList();
        if (lines.isEmpty()) {
            return "";
        }
        return ": " + String.join(" / ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    private void rollBack(List<Runnable> undo, ProgressListener progress, String why) {
        LOG.warn("rolling back on {}: {}", node.target().display(), why);
        progress.rollingBack(why);
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
    }

    private interface NodeTask {
        void run() throws NodeException;
    }

    private static void attempt(List<String> problems, String what, NodeTask task) {
        try {
            task.run();
        } catch (NodeException | RuntimeException e) {
            problems.add(what + ": " + e.getMessage());
        }
    }
}
