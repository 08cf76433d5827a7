package org.slapdesk.remote.action.ha;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.NodeAction;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.Step;
import org.slapdesk.remote.action.Verification;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.Shell;

/** Starts, relocates (switch) or stops an OpenSVC service ({@code om slapos/svc/comp1 start|switch|stop}, seed 001). */
public final class OpenSvcAction implements NodeAction {

    public enum Operation { START, SWITCH, STOP }

    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9_.-]*(/[a-z0-9][a-z0-9_.-]*){0,2}");
    public static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final String service;
    private final Operation operation;
    private volatile Optional<String> activeBefore = Optional.empty();

    public OpenSvcAction(String service, Operation operation) {
        if (service == null || !SERVICE.matcher(service).matches()) {
            throw new InvalidInputException("'" + service + "' is not an OpenSVC service path, e.g. slapos/svc/comp1");
        }
        this.service = service;
        this.operation = operation;
    }

    @Override
    public String title() {
        return operation.name().toLowerCase() + " " + service;
    }

    public static ServiceStatus status(NodeConnection node, String service) throws NodeException {
        return ServiceStatus.parse(node.run(Shell.command("om", service, "print", "status")).requireOk().stdout());
    }

    public static ClusterMonitor monitor(NodeConnection node) throws NodeException {
        return ClusterMonitor.parse(node.run(Shell.command("om", "mon")).requireOk().stdout());
    }

    @Override
    public Plan plan(NodeConnection node) throws NodeException {
        if (!node.run("command -v om >/dev/null").ok()) {
            throw new NodeException("OpenSVC's om command is not on " + node.target().display() + ": is it an OpenSVC node?");
        }
        ServiceStatus now = status(node, service);
        activeBefore = now.activeNode();
        if (operation == Operation.START && now.overall().equals("up")) {
            return Plan.of(title(), node.target().display(), List.of());
        }
        if (operation == Operation.STOP && now.overall().equals("down")) {
            return Plan.of(title(), node.target().display(), List.of());
        }
        String verb = operation.name().toLowerCase();
        Step step = switch (operation) {
            case START -> Step.CommandStep.of("start " + service, Shell.command("om", service, "start"),
                    Shell.command("om", service, "stop"));
            case STOP -> Step.CommandStep.of("stop " + service, Shell.command("om", service, "stop"),
                    Shell.command("om", service, "start"));
            case SWITCH -> Step.CommandStep.withoutUndo("move " + service + " off " + activeBefore.orElse("its node"),
                    Shell.command("om", service, verb));
        };
        return Plan.of(title(), node.target().display(), List.of(((Step.CommandStep) step).withTimeout(TIMEOUT)));
    }

    @Override
    public Verification verify(NodeConnection node) throws NodeException {
        ServiceStatus after = status(node, service);
        return switch (operation) {
            case START -> after.overall().equals("up") ? Verification.ok()
                    : new Verification(List.of(service + " is " + after.overall() + " after start"));
            case STOP -> after.overall().equals("down") ? Verification.ok()
                    : new Verification(List.of(service + " is " + after.overall() + " after stop"));
            case SWITCH -> after.activeNode().isPresent() && !after.activeNode().equals(activeBefore) ? Verification.ok()
                    : new Verification(List.of(service + " still runs on " + after.activeNode().orElse("no node")));
        };
    }
}
