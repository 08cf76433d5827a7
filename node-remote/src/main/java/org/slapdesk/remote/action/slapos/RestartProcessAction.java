package org.slapdesk.remote.action.slapos;

import java.util.List;
import java.util.Optional;
import org.slapdesk.remote.action.NodeAction;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.Preflight;
import org.slapdesk.remote.action.Requirement;
import org.slapdesk.remote.action.Step;
import org.slapdesk.remote.action.Verification;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;

/** Restarts one process of the instance supervisord ({@code slapos node restart slappart0:x}). */
public final class RestartProcessAction implements NodeAction {

    private final SlaposNode slapos;
    private final String process;

    public RestartProcessAction(SlaposNode slapos, String process) {
        this.slapos = slapos;
        this.process = SlaposNode.validateProcess(process);
    }

    @Override
    public String title() {
        return "Restart " + process;
    }

    @Override
    public Plan plan(NodeConnection node) throws NodeException {
        Preflight.require(node, List.of(Requirement.slapos(slapos.slaposCommand())));
        Optional<ProcessStatus> current = find(node);
        if (current.isEmpty()) {
            throw new NodeException("No process " + process + " on "
                    + node.target().display() + ": `slapos node status` lists "
                    + slapos.status(node).stream().map(ProcessStatus::fullName).toList());
        }
        return new Plan(
                title(),
                node.target().display(),
                List.of(Step.CommandStep.withoutUndo(
                        "restart " + process + " (now " + current.get().state() + ")",
                        slapos.command("restart", process))),
                List.of("a restart cannot be undone; nothing else changes"));
    }

    @Override
    public Verification verify(NodeConnection node) throws NodeException {
        Optional<ProcessStatus> after = find(node);
        if (after.isPresent() && after.get().state().isUp()) {
            return Verification.ok();
        }
        return new Verification(List.of(process + " is "
                + after.map(p -> p.state() + " " + p.description()).orElse("gone") + " after the restart"));
    }

    private Optional<ProcessStatus> find(NodeConnection node) throws NodeException {
        return slapos.status(node).stream()
                .filter(p -> p.fullName().equals(process))
                .findFirst();
    }
}
