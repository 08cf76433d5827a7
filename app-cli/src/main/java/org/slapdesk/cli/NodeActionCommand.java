package org.slapdesk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.slapdesk.remote.action.ApplyResult;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.NodeAction;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.PlanFailedException;
import org.slapdesk.remote.action.PlanRunner;
import org.slapdesk.remote.action.ProgressListener;
import org.slapdesk.remote.action.Step;
import org.slapdesk.remote.ssh.CancelToken;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A {@code slapdesk node} sub-command that changes a node: connect, plan, print the plan;
 * {@code --dry-run} stops there; otherwise ask (unless {@code --yes}), apply with each step
 * shown, verify. Exit 0 when applied and verified (or nothing to do), 1 with a one-line reason.
 */
abstract class NodeActionCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int FAILED = 1;

    private static final Logger LOG = LoggerFactory.getLogger(NodeActionCommand.class);

    @Mixin
    NodeSshOptions ssh;

    @Option(names = "--dry-run", description = "print the plan and change nothing")
    boolean dryRun;

    @Option(names = "--yes", description = "apply without asking")
    boolean yes;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** The action, built from the options (bad input fails here, before connecting). */
    abstract NodeAction action();

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            NodeAction action = action();
            try (NodeConnection node = NodeConnection.open(ssh.target(), ssh.connectOptions())) {
                Plan plan = action.plan(node);
                out.print(plan.preview());
                out.flush();
                if (plan.isEmpty() || dryRun) {
                    out.println(plan.isEmpty() ? "Nothing to do." : "Dry run: nothing was changed.");
                    out.flush();
                    return OK;
                }
                if (!yes && !confirmed(out)) {
                    out.println("Not applied.");
                    out.flush();
                    return FAILED;
                }
                ApplyResult result = new PlanRunner(node).apply(action, plan, progress(out), CancelToken.none());
                out.println("Done: " + plan.title() + " (verified).");
                result.backups().forEach(b -> out.println("  backup: " + b));
                out.flush();
                return OK;
            }
        } catch (InvalidInputException e) {
            return fail(err, e.getMessage(), e);
        } catch (PlanFailedException e) {
            return fail(err, e.getMessage(), e);
        } catch (NodeException | IllegalArgumentException | IllegalStateException e) {
            return fail(err, e.getMessage(), e);
        } catch (RuntimeException e) {
            return fail(err, "unexpected error (" + e.getClass().getSimpleName() + "): " + e.getMessage(), e);
        }
    }

    private boolean confirmed(PrintWriter out) {
        out.print("Apply this plan? (yes/no) ");
        out.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return answer != null && (answer.strip().equalsIgnoreCase("yes") || answer.strip().equalsIgnoreCase("y"));
        } catch (IOException e) {
            return false;
        }
    }

    private static ProgressListener progress(PrintWriter out) {
        return new ProgressListener() {
            @Override
            public void stepStarted(int index, int total, Step step) {
                out.println("[" + index + "/" + total + "] " + step.description());
                out.flush();
            }

            @Override
            public void rollingBack(String why) {
                out.println("Rolling back: " + why);
                out.flush();
            }
        };
    }

    static int fail(PrintWriter err, String message, Throwable cause) {
        LOG.debug("command failed", cause);
        String oneLine = message == null ? cause.getClass().getSimpleName() : message.replaceAll("\\s*\\R\\s*", " ");
        err.println("slapdesk: " + oneLine);
        err.flush();
        return FAILED;
    }
}
