package org.slapdesk.cli;

import org.slapdesk.remote.action.NodeAction;
import picocli.CommandLine.Mixin;

/**
 * A {@code slapdesk node} sub-command that changes nodes, on one host ({@code --host}) or many
 * ({@code --hosts-file F --parallel N}) through {@link NodeRun}: plan on every host and print
 * the plans; {@code --dry-run} stops there; otherwise ask once (unless {@code --yes}), apply,
 * verify, one result line per host.
 */
abstract class NodeActionCommand extends NodeCommand.NodeSubcommand {

    @Mixin
    NodeCommand.ApplyOptions apply;

    /**
     * Checks the options (bad input throws {@link IllegalArgumentException} here, before any
     * connection) and says how to build the action for each host.
     */
    abstract NodeRun.ReconnectingActionFactory actions();

    /** For actions that do not depend on the host. */
    static NodeRun.ReconnectingActionFactory same(NodeAction action) {
        return (node, reconnect) -> action;
    }

    @Override
    public final Integer call() {
        NodeRun.ReconnectingActionFactory factory;
        try {
            factory = actions();
        } catch (IllegalArgumentException e) {
            return invalid(e);
        }
        return run().reconnectingAction(factory, apply.dryRun, apply.yes);
    }
}
