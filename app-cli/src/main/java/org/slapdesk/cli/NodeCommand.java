package org.slapdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code slapdesk node}: Runs an action on a SlapOS node over SSH. */
@Command(name = "node", description = "Runs an action on a SlapOS node over SSH.", subcommands = {NodeBridgeCommand.class, NodeRe6stCommand.class, NodeHaCommand.class})
public final class NodeCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
