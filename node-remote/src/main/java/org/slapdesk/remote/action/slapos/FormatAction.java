package org.slapdesk.remote.action.slapos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slapdesk.core.config.IniFile;
import org.slapdesk.remote.action.NodeAction;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.Preflight;
import org.slapdesk.remote.action.Requirement;
import org.slapdesk.remote.action.Step;
import org.slapdesk.remote.action.Verification;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.Shell;

/**
 * {@code slapos node format --now [--alter_user=True]} (seed 000, PROTOCOL §6.3): creates the
 * partitions of slapos.cfg's {@code partition_amount} (users, folders, addresses) and posts
 * them to the master. Format only adds: what it created is not undone on a later failure.
 */
public final class FormatAction implements NodeAction {

    public static final Duration TIMEOUT = Duration.ofMinutes(15);

    private final SlaposNode slapos;
    private final boolean alterUser;

    public FormatAction(SlaposNode slapos, boolean alterUser) {
        this.slapos = slapos;
        this.alterUser = alterUser;
    }

    @Override
    public String title() {
        return "Format the node" + (alterUser ? " (creating users)" : "");
    }

    public String formatCommand() {
        return alterUser ? slapos.command("format", "--now", "--alter_user=True") : slapos.command("format", "--now");
    }

    @Override
    public Plan plan(NodeConnection node) throws NodeException {
        Preflight.require(node, List.of(Requirement.slapos(slapos.slaposCommand())));
        IniFile cfg = SlaposConfig.read(node, slapos.configPath());
        int amount = partitionAmount(cfg);
        return new Plan(
                title(),
                node.target().display(),
                List.of(Step.CommandStep.withoutUndo(
                                "format " + amount + " partitions and post them to "
                                        + cfg.get(SlaposConfig.SLAPOS, "master_url")
                                                .orElse("the master"),
                                formatCommand())
                        .withTimeout(TIMEOUT)),
                List.of("format only adds users, folders and addresses; they are not removed if a later step fails"));
    }

    @Override
    public Verification verify(NodeConnection node) throws NodeException {
        return verifyPartitions(node, slapos, alterUser);
    }

    /** Every partition of partition_amount has its folder (and its user when users are altered). */
    static Verification verifyPartitions(NodeConnection node, SlaposNode slapos, boolean checkUsers)
            throws NodeException {
        IniFile cfg = SlaposConfig.read(node, slapos.configPath());
        int amount = partitionAmount(cfg);
        String root = cfg.get(SlaposConfig.SLAPOS, "instance_root").orElse("/srv/slapgrid");
        String base = cfg.get(SlaposConfig.SLAPFORMAT, "partition_base_name").orElse("slappart");
        String userBase = cfg.get(SlaposConfig.SLAPFORMAT, "user_base_name").orElse("slapuser");
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < amount; i++) {
            String dir = root + "/" + base + i;
            if (!node.run(Shell.command("test", "-d", dir)).ok()) {
                problems.add(dir + " is missing");
            }
            if (checkUsers && !node.run(Shell.command("id", userBase + i)).ok()) {
                problems.add("user " + userBase + i + " is missing");
            }
        }
        return new Verification(problems);
    }

    static int partitionAmount(IniFile cfg) throws NodeException {
        try {
            return cfg.getInt(SlaposConfig.SLAPFORMAT, "partition_amount")
                    .orElseThrow(() -> new NodeException("slapos.cfg has no partition_amount in [slapformat]"));
        } catch (IllegalArgumentException e) {
            throw new NodeException("partition_amount in slapos.cfg is not a number: " + e.getMessage(), e);
        }
    }
}
