package org.slapdesk.remote.action.slapos;

import java.util.ArrayList;
import java.util.List;
import org.slapdesk.core.config.IniFile;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.NodeAction;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.Preflight;
import org.slapdesk.remote.action.Requirement;
import org.slapdesk.remote.action.Step;
import org.slapdesk.remote.action.Validate;
import org.slapdesk.remote.action.Verification;
import org.slapdesk.remote.file.FileChange;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;

/**
 * Repurposes a node: a new {@code partition_amount} in slapos.cfg, then a format
 * that creates the new partitions. slapformat refuses to reduce the amount, so a smaller
 * count is refused here before anything runs.
 */
public final class RepurposeAction implements NodeAction {

    private final SlaposNode slapos;
    private final int partitions;

    public RepurposeAction(SlaposNode slapos, int partitions) {
        this.slapos = slapos;
        this.partitions = Validate.partitionCount(partitions);
    }

    @Override
    public String title() {
        return "Repurpose the node to " + partitions + " partitions";
    }

    @Override
    public Plan plan(NodeConnection node) throws NodeException {
        // without slapos the format (the last step) would fail after slapos.cfg was changed
        Preflight.require(node, List.of(Requirement.slapos(slapos.slaposCommand())));
        IniFile cfg = SlaposConfig.read(node, slapos.configPath());
        int current = cfg.getInt(SlaposConfig.SLAPFORMAT, "partition_amount").orElse(0);
        if (partitions < current) {
            throw new InvalidInputException("the node has " + current + " partitions and slapformat cannot remove"
                    + " partitions: give " + current + " or more");
        }
        FileChange change = SlaposConfig.planEdit(
                node,
                slapos.configPath(),
                ini -> ini.set(SlaposConfig.SLAPFORMAT, "partition_amount", Integer.toString(partitions)));
        List<Step> steps = new ArrayList<>();
        if (!change.isNoOp()) {
            steps.add(new Step.FileStep("partition_amount " + current + " -> " + partitions, change));
        }
        boolean complete = FormatAction.verifyPartitions(node, slapos, false).isOk() && change.isNoOp();
        if (!complete) {
            steps.add(Step.CommandStep.withoutUndo(
                            "format: create the new partitions", slapos.command("format", "--now", "--alter_user=True"))
                    .withTimeout(FormatAction.TIMEOUT));
        }
        return new Plan(
                title(),
                node.target().display(),
                steps,
                List.of("if format fails, slapos.cfg is put back; partitions format already made stay"));
    }

    @Override
    public Verification verify(NodeConnection node) throws NodeException {
        IniFile cfg = SlaposConfig.read(node, slapos.configPath());
        int amount = FormatAction.partitionAmount(cfg);
        if (amount != partitions) {
            return new Verification(List.of("partition_amount is " + amount + ", not " + partitions));
        }
        return FormatAction.verifyPartitions(node, slapos, true);
    }
}
