package org.slapdesk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.re6st.Re6stConfigAction;
import org.slapdesk.remote.action.re6st.Re6stInstallAction;
import org.slapdesk.remote.action.re6st.Re6stSettings;
import org.slapdesk.remote.action.re6st.Re6stStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slapdesk node re6st install|config|status} (seed 003, "Install Re6st on SlapOS node"). */
@Command(
        name = "re6st",
        exitCodeOnInvalidInput = 1,
        description = "re6st on a node: install, configure, status.",
        subcommands = {NodeRe6stCommand.Install.class, NodeRe6stCommand.Config.class, NodeRe6stCommand.Status.class})
final class NodeRe6stCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "install", exitCodeOnInvalidInput = 1, description = "Installs re6st-node with apt or dnf.")
    static final class Install extends NodeActionCommand {
        @Override
        NodeRun.ReconnectingActionFactory actions() {
            return same(new Re6stInstallAction());
        }
    }

    @Command(
            name = "config",
            exitCodeOnInvalidInput = 1,
            description = {
                "Sets the registry, ip and gateway in re6stnet.conf; with a token, gets the node's certificate"
                        + " (re6st-conf). The token is read from a file or stdin, never from the command line."
            })
    static final class Config extends NodeActionCommand {
        @Option(
                names = "--registry",
                paramLabel = "URL",
                description = "re6st registry, e.g. http://51.159.66.11:9201/")
        String registry;

        @Option(
                names = "--token-file",
                paramLabel = "FILE",
                description = "file holding the re6st token ('-': read it from stdin)")
        Path tokenFile;

        @Option(
                names = "--ip",
                paramLabel = "ADDRESS",
                description = "public address the node announces (first node of a network)")
        String ip;

        @Option(
                names = "--gateway",
                negatable = true,
                description = "add (--gateway) or remove (--no-gateway) the gateway line")
        Boolean gateway;

        @Option(names = "--restart", description = "restart re6stnet afterwards")
        boolean restart;

        @Option(
                names = "--dir",
                defaultValue = Re6stSettings.DEFAULT_DIR,
                paramLabel = "DIR",
                description = "re6st configuration folder (default: ${DEFAULT-VALUE})")
        String dir;

        @Override
        NodeRun.ReconnectingActionFactory actions() {
            return same(new Re6stConfigAction(new Re6stSettings(
                    dir,
                    Optional.ofNullable(registry),
                    token(),
                    Optional.ofNullable(ip),
                    Optional.ofNullable(gateway),
                    restart)));
        }

        private Optional<String> token() {
            if (tokenFile == null) {
                return Optional.empty();
            }
            try {
                String text = tokenFile.toString().equals("-")
                        ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                        : Files.readString(tokenFile, StandardCharsets.UTF_8);
                return Optional.of(text.strip());
            } catch (IOException e) {
                throw new InvalidInputException("cannot read the token from " + tokenFile + ": " + e.getMessage());
            }
        }
    }

    @Command(
            name = "status",
            exitCodeOnInvalidInput = 1,
            description = "Says whether re6stnet runs and how that was found; exit 0 when it runs, 3 otherwise.")
    static final class Status extends NodeCommand.NodeSubcommand {
        @Override
        public Integer call() {
            return run().check((node, out) -> {
                Re6stStatus status = Re6stStatus.of(node);
                out.println(status.describe());
                return status.state().isUp() ? 0 : 3;
            });
        }
    }
}
