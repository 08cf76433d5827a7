package org.slapdesk.remote.action.ha;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slapdesk.remote.action.Choice;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.NodeAction;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.Step;
import org.slapdesk.remote.action.Verification;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;

/**
 * Starts, relocates ({@code switch}) or stops an OpenSVC service (seed 001, "Management
 * commands"), then reads {@code om PATH print status -r} until the service shows it: up
 * somewhere, up on another node than before, or up nowhere. Not undone automatically: moving
 * a highly available service back is the operator's decision (the plan says the command).
 */
public final class OpenSvcAction implements NodeAction {

    public enum Operation {
        START("start"),
        SWITCH("switch"),
        STOP("stop");

        private final String word;

        Operation(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        /** {@code start}, {@code switch} or {@code stop}, or an InvalidInputException naming the bad word. */
        public static Operation parse(String word) {
            return Choice.parse(Operation.class, word);
        }
    }

    private static final Duration POLL = Duration.ofSeconds(2);

    private final OpenSvc om;
    private final ServicePath path;
    private final Operation operation;
    private final Duration settle;
    private volatile List<String> upBefore = List.of();

    /** {@code settle}: how long verify waits for the service to reach the new state. */
    public OpenSvcAction(OpenSvc om, ServicePath path, Operation operation, Duration settle) {
        if (!path.isStartable()) {
            throw new InvalidInputException(path + " is a " + path.kind() + ": only services (svc) and volumes (vol)"
                    + " start, stop and switch");
        }
        if (settle.isNegative() || settle.compareTo(Duration.ofHours(1)) > 0) {
            throw new InvalidInputException("the wait for the service must be between 0 and 1 hour");
        }
        this.om = om;
        this.path = path;
        this.operation = operation;
        this.settle = settle;
    }

    @Override
    public String title() {
        return "OpenSVC " + operation.word() + " " + path;
    }

    @Override
    public Plan plan(NodeConnection node) throws NodeException {
        om.requireInstalled(node);
        ServiceStatus now = om.status(node, path, false);
        List<String> up = now.upOn();
        upBefore = up;
        String state = path + " is " + now.avail().word() + (up.isEmpty() ? "" : " on " + String.join(", ", up));
        List<String> notes = new ArrayList<>(List.of(state));
        if (operation == Operation.START && now.avail().isUp()) {
            return new Plan(title(), node.target().display(), List.of(), notes);
        }
        if (operation == Operation.STOP && up.isEmpty() && !now.avail().isUp()) {
            return new Plan(title(), node.target().display(), List.of(), notes);
        }
        if (operation == Operation.SWITCH && up.isEmpty()) {
            throw new NodeException(path + " is up on no node: there is nothing to switch; start it first");
        }
        notes.add(
                switch (operation) {
                    case START -> "not undone automatically: `" + om.command(path, "stop") + "` stops it again";
                    case STOP -> "not undone automatically: `" + om.command(path, "start") + "` starts it again";
                    case SWITCH -> "not undone automatically: a second switch moves it back";
                });
        Step step = Step.CommandStep.withoutUndo(operation.word() + " " + path, om.command(path, operation.word()))
                .withTimeout(Duration.ofMinutes(10));
        return new Plan(title(), node.target().display(), List.of(step), notes);
    }

    @Override
    public Verification verify(NodeConnection node) throws NodeException {
        Instant until = Instant.now().plus(settle);
        List<String> problems;
        do {
            ServiceStatus after = om.status(node, path, true);
            problems = check(after);
            if (problems.isEmpty()
                    || !Instant.now().isBefore(until)
                    || Thread.currentThread().isInterrupted()) {
                break;
            }
            pause();
        } while (true);
        return new Verification(problems);
    }

    private List<String> check(ServiceStatus after) {
        List<String> up = after.upOn();
        return switch (operation) {
            case START ->
                after.avail().isUp() && !up.isEmpty()
                        ? List.of()
                        : List.of(path + " is " + after.avail().word() + " after the start");
            case STOP ->
                up.isEmpty() && !after.avail().isUp()
                        ? List.of()
                        : List.of(path + " is still up on " + String.join(", ", up));
            case SWITCH ->
                !up.isEmpty() && up.stream().noneMatch(upBefore::contains)
                        ? List.of()
                        : List.of(path + " is up on " + (up.isEmpty() ? "no node" : String.join(", ", up))
                                + " after the switch (it was on " + String.join(", ", upBefore) + ")");
        };
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
