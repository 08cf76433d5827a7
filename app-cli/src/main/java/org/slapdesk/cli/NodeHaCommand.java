package org.slapdesk.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.ha.OpenSvc;
import org.slapdesk.remote.action.ha.OpenSvcAction;
import org.slapdesk.remote.action.ha.ServicePath;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slapdesk node ha mon|status|start|switch|stop}: an OpenSVC highly available node (seed 001). */
@Command(
        name = "ha",
        exitCodeOnInvalidInput = 1,
        description = "OpenSVC cluster: status, start, switch, stop a service.",
        subcommands = {
            NodeHaCommand.Mon.class,
            NodeHaCommand.Status.class,
            NodeHaCommand.Start.class,
            NodeHaCommand.Switch.class,
            NodeHaCommand.Stop.class
        })
final class NodeHaCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Reads and prints, host by host; exit 0, or 1 with the reason. */
    abstract static class Reading extends NodeCommand.NodeSubcommand {

        abstract void print(NodeConnection node, PrintWriter out) throws NodeException;

        @Override
        public Integer call() {
            return run().query((node, out) -> {
                OpenSvc.standard().requireInstalled(node);
                print(node, out);
            });
        }
    }

    @Command(
            name = "mon",
            exitCodeOnInvalidInput = 1,
            description = "The cluster: nodes and services, per node (om daemon status).")
    static final class Mon extends Reading {
        @Override
        void print(NodeConnection node, PrintWriter out) throws NodeException {
            out.print(OpenSvc.standard().monitor(node).describe());
        }
    }

    @Command(
            name = "status",
            exitCodeOnInvalidInput = 1,
            description = "A service's instances and resources (om PATH print status).")
    static final class Status extends Reading {
        @Parameters(paramLabel = "PATH", description = "namespace/kind/name, e.g. slapos/svc/comp1")
        String path;

        @Option(names = "-r", description = "evaluate every resource now (om print status -r)")
        boolean refresh;

        @Override
        void print(NodeConnection node, PrintWriter out) throws NodeException {
            out.print(OpenSvc.standard()
                    .status(node, ServicePath.parse(path), refresh)
                    .describe());
        }
    }

    /** start / switch / stop. */
    abstract static class Operating extends NodeActionCommand {
        @Parameters(paramLabel = "PATH", description = "namespace/kind/name, e.g. slapos/svc/comp1")
        String path;

        @Option(
                names = "--wait",
                defaultValue = "120",
                paramLabel = "SECONDS",
                description = "how long to wait for the service to show the change (default: ${DEFAULT-VALUE})")
        long waitSeconds;

        abstract OpenSvcAction.Operation operation();

        @Override
        NodeRun.ReconnectingActionFactory actions() {
            if (waitSeconds < 0) {
                throw new InvalidInputException("--wait must be 0 or more seconds");
            }
            return same(new OpenSvcAction(
                    OpenSvc.standard(), ServicePath.parse(path), operation(), Duration.ofSeconds(waitSeconds)));
        }
    }

    @Command(name = "start", exitCodeOnInvalidInput = 1, description = "Starts a service (om PATH start).")
    static final class Start extends Operating {
        @Override
        OpenSvcAction.Operation operation() {
            return OpenSvcAction.Operation.START;
        }
    }

    @Command(
            name = "switch",
            exitCodeOnInvalidInput = 1,
            description = "Moves a service to another node (om PATH switch).")
    static final class Switch extends Operating {
        @Override
        OpenSvcAction.Operation operation() {
            return OpenSvcAction.Operation.SWITCH;
        }
    }

    @Command(name = "stop", exitCodeOnInvalidInput = 1, description = "Stops a service (om PATH stop).")
    static final class Stop extends Operating {
        @Override
        OpenSvcAction.Operation operation() {
            return OpenSvcAction.Operation.STOP;
        }
    }
}
