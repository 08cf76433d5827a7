package org.slapdesk.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.remote.action.ApplyResult;
import org.slapdesk.remote.action.NodeAction;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.PlanRunner;
import org.slapdesk.remote.action.ProgressListener;
import org.slapdesk.remote.action.Step;
import org.slapdesk.remote.action.bridge.Reconnect;
import org.slapdesk.remote.ssh.ConnectOptions;
import org.slapdesk.remote.ssh.HostKeyPrompt;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.PassphrasePrompt;
import org.slapdesk.remote.ssh.SshTarget;

/**
 * Runs one action on one or many nodes from the terminal: connect and plan on every host (a
 * bounded pool), print the plans, stop there with --dry-run, ask once unless --yes, apply in
 * parallel with each output line prefixed by its host, and end with one result line per host.
 */
final class NodeRun {

    /** Builds the action for a host (the action may read the node, so it gets the connection). */
    @FunctionalInterface
    interface ActionFactory {
        NodeAction create(NodeConnection node) throws Exception;
    }

    /**
     * Builds the action for a host that may cut its own SSH path (the bridge): {@code reconnect}
     * opens a new connection to that same host, for confirm-or-revert.
     */
    @FunctionalInterface
    interface ReconnectingActionFactory {
        NodeAction create(NodeConnection node, Reconnect reconnect) throws Exception;
    }

    /** A read-only command that answers with an exit code of its own (e.g. 3: not running). */
    @FunctionalInterface
    interface Check {
        int run(NodeConnection node, PrintWriter out) throws Exception;
    }

    /** A read-only command: prints what it reads. */
    @FunctionalInterface
    interface Query {
        void run(NodeConnection node, PrintWriter out) throws Exception;
    }

    /** For confirm-or-revert: each new connection gives up quickly so the next try comes soon. */
    private static final Duration RECONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final NodeTargets targets;
    private final PrintWriter out;
    private final PrintWriter err;

    NodeRun(NodeTargets targets, PrintWriter out, PrintWriter err) {
        this.targets = targets;
        this.out = out;
        this.err = err;
    }

    private record Planned(
            SshTarget target, NodeConnection node, NodeAction action, Plan plan, String error, Duration took) {}

    int action(ActionFactory factory, boolean dryRun, boolean yes) {
        return reconnectingAction((node, reconnect) -> factory.create(node), dryRun, yes);
    }

    int reconnectingAction(ReconnectingActionFactory factory, boolean dryRun, boolean yes) {
        List<SshTarget> hosts;
        try {
            hosts = targets.targets();
        } catch (Exception e) {
            err.println("slapdesk node: " + e.getMessage());
            return 2;
        }
        ConnectOptions options = connectOptions(yes);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(targets.parallel, hosts.size()));
        List<Planned> planned = new ArrayList<>();
        try {
            List<Future<Planned>> futures = new ArrayList<>();
            for (SshTarget host : hosts) {
                futures.add(pool.submit(() -> plan(host, factory, options)));
            }
            for (Future<Planned> f : futures) {
                planned.add(f.get());
            }
            for (Planned p : planned) {
                if (p.error() != null) {
                    out.println(p.target().display() + ": cannot plan: " + p.error());
                } else {
                    out.print(p.plan().preview());
                }
                out.println();
            }
            out.flush();
            List<Planned> ready = planned.stream()
                    .filter(p -> p.error() == null && !p.plan().isEmpty())
                    .toList();
            boolean planningFailed = planned.stream().anyMatch(p -> p.error() != null);
            if (dryRun) {
                out.println("dry run: nothing was changed");
                return planningFailed ? 1 : 0;
            }
            if (ready.isEmpty()) {
                out.println(planningFailed ? "nothing applied" : "nothing to do");
                return planningFailed ? 1 : 0;
            }
            if (!yes && !confirm("Apply on " + ready.size() + " host(s)? [y/N] ")) {
                out.println("not applied");
                return planningFailed ? 1 : 3;
            }
            Map<SshTarget, HostResult> results = new LinkedHashMap<>();
            planned.forEach(p -> results.put(
                    p.target(),
                    p.error() != null
                            ? HostResult.failed(p.target(), "(planning) " + p.error(), p.took())
                            : HostResult.ok(p.target(), p.plan().isEmpty() ? "nothing to do" : "", p.took())));
            List<Future<?>> applying = new ArrayList<>();
            for (Planned p : ready) {
                applying.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    HostResult result;
                    try {
                        ApplyResult applied = new PlanRunner(p.node())
                                .apply(p.action(), p.plan(), listener(p.target()), CancellationToken.none());
                        result = HostResult.ok(
                                p.target(), resultNotes(applied), p.took().plus(since(start)));
                    } catch (Exception e) {
                        result = HostResult.failed(
                                p.target(), e.getMessage(), p.took().plus(since(start)));
                    }
                    synchronized (results) {
                        results.put(p.target(), result);
                    }
                }));
            }
            for (Future<?> f : applying) {
                f.get();
            }
            out.println();
            results.values().forEach(r -> out.println(r.line()));
            return results.values().stream().allMatch(HostResult::ok) ? 0 : 1;
        } catch (Exception e) {
            err.println("slapdesk node: " + e.getMessage());
            return 1;
        } finally {
            pool.shutdownNow();
            planned.stream().filter(p -> p.node() != null).forEach(p -> p.node().close());
            out.flush();
        }
    }

    int query(Query query) {
        return check((node, out) -> {
            query.run(node, out);
            return 0;
        });
    }

    /**
     * Runs {@code check} on every host, up to --parallel at once: each host's output is printed
     * as one block when it ends, then one result line per host. 1 if a host failed, else the
     * highest code a check gave.
     */
    int check(Check check) {
        List<SshTarget> hosts;
        try {
            hosts = targets.targets();
        } catch (Exception e) {
            err.println("slapdesk node: " + e.getMessage());
            return 2;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(targets.parallel, hosts.size()));
        try {
            List<Future<CheckOutcome>> futures = new ArrayList<>();
            for (SshTarget host : hosts) {
                futures.add(pool.submit(() -> checkOne(host, check, hosts.size() > 1)));
            }
            List<CheckOutcome> outcomes = new ArrayList<>();
            for (Future<CheckOutcome> f : futures) {
                outcomes.add(f.get());
            }
            out.println();
            outcomes.forEach(o -> out.println(o.result().line()));
            if (outcomes.stream().anyMatch(o -> !o.result().ok())) {
                return 1;
            }
            return outcomes.stream().mapToInt(CheckOutcome::code).max().orElse(0);
        } catch (Exception e) {
            err.println("slapdesk node: " + e.getMessage());
            return 1;
        } finally {
            pool.shutdownNow();
            out.flush();
        }
    }

    private record CheckOutcome(HostResult result, int code) {}

    /** One host: streams straight to the terminal when alone, else buffers its block so hosts do not interleave. */
    private CheckOutcome checkOne(SshTarget host, Check check, boolean buffered) {
        long start = System.nanoTime();
        StringWriter buffer = new StringWriter();
        PrintWriter hostOut = buffered ? new PrintWriter(buffer) : out;
        CheckOutcome outcome;
        try (NodeConnection node = NodeConnection.open(host, connectOptions(false))) {
            int code = check.run(node, hostOut);
            outcome = new CheckOutcome(HostResult.ok(host, code == 0 ? "" : "exit " + code, since(start)), code);
        } catch (Exception e) {
            synchronized (err) {
                err.println(host.display() + ": " + e.getMessage());
                err.flush();
            }
            outcome = new CheckOutcome(HostResult.failed(host, e.getMessage(), since(start)), 1);
        }
        hostOut.flush();
        if (buffered) {
            print("== " + host.display() + "\n" + buffer.toString().stripTrailing());
        }
        return outcome;
    }

    /**
     * What the verification noted (e.g. the bridge confirmed over a new connection) and the plan's
     * warnings, in the host's result line so they are not lost above the steps.
     */
    private static String resultNotes(ApplyResult applied) {
        List<String> notes = new ArrayList<>(applied.verification().notes());
        applied.plan().notes().stream().filter(n -> n.startsWith("WARNING")).forEach(notes::add);
        return String.join("; ", notes);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private Planned plan(SshTarget host, ReconnectingActionFactory factory, ConnectOptions options) {
        long start = System.nanoTime();
        NodeConnection node = null;
        try {
            node = NodeConnection.open(host, options);
            NodeAction action = factory.create(node, Reconnect.to(host, options, RECONNECT_TIMEOUT));
            Plan plan = action.plan(node);
            return new Planned(host, node, action, plan, null, since(start));
        } catch (Exception e) {
            return new Planned(host, node, null, null, e.getMessage(), since(start));
        }
    }

    private ProgressListener listener(SshTarget target) {
        String prefix = "[" + target.display() + "] ";
        return new ProgressListener() {
            @Override
            public void stepStarted(int index, int total, Step step) {
                print(prefix + "step " + index + "/" + total + ": " + step.description());
            }

            @Override
            public void rollingBack(String why) {
                print(prefix + "rolling back: " + why);
            }

            @Override
            public void stdout(String line) {
                print(prefix + line);
            }

            @Override
            public void stderr(String line) {
                print(prefix + line);
            }
        };
    }

    private void print(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    private boolean confirm(String question) {
        Console console = System.console();
        if (console == null) {
            err.println(
                    "slapdesk node: no terminal to ask for confirmation: run with --yes to apply (or --dry-run to only look)");
            return false;
        }
        String answer = console.readLine(question);
        return answer != null
                && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
    }

    private ConnectOptions connectOptions(boolean nonInteractive) {
        Console console = System.console();
        HostKeyPrompt hostKeys = key -> {
            String text = "The host key of " + key.host() + " port " + key.port() + " is not known: " + key.keyType()
                    + " " + key.sha256Fingerprint() + "\nCheck it on the node: " + key.verifyCommand();
            if (console == null || nonInteractive) {
                synchronized (err) {
                    err.println(text + "\nNot trusted (no terminal to ask, or --yes): add it to "
                            + targets.knownHostsFile() + " once checked.");
                }
                return false;
            }
            synchronized (NodeRun.class) {
                String answer =
                        console.readLine("%s%nTrust this key and add it to %s? [y/N] ", text, targets.knownHostsFile());
                return answer != null && answer.trim().equalsIgnoreCase("y");
            }
        };
        PassphrasePrompt passphrases = file -> {
            if (console == null) {
                return null;
            }
            synchronized (NodeRun.class) {
                return console.readPassword("Passphrase for %s: ", file);
            }
        };
        return ConnectOptions.defaults().withHostKeyPrompt(hostKeys).withPassphrasePrompt(passphrases);
    }
}
