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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slapdesk node re6st install|config|status} (seed 003, "Install Re6st on SlapOS node"). */
@Command(name = "re6st", description = "re6st on a node: install re6st-node, configure re6stnet.conf and the token, status.",
        subcommands = {NodeRe6stCommand.Install.class, NodeRe6stCommand.Config.class, NodeRe6stCommand.Status.class})
final class NodeRe6stCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "install", description = "Installs re6st-node with apt or dnf (stops, changing nothing, when they do not know it).")
    static final class Install extends NodeCommand.NodeSubcommand {
        @Mixin NodeCommand.ApplyOptions apply;

        @Override
        public Integer call() {
            return run().action(node -> new Re6stInstallAction(), apply.dryRun, apply.yes);
        }
    }

    @Command(name = "config", description = {"Sets registry, ip and gateway in re6stnet.conf; with a token, gets the node's"
            + " certificate (re6st-conf).", "The token is read from a file or stdin, never from the command line."})
    static final class Config extends NodeCommand.NodeSubcommand {
        @Mixin NodeCommand.ApplyOptions apply;

        @Option(names = "--registry", paramLabel = "URL", description = "re6st registry, e.g. http://51.159.66.11:9201/")
        String registry;

        @Option(names = "--token-file", paramLabel = "FILE", description = "file holding the re6st token ('-': read it from stdin)")
        Path tokenFile;

        @Option(names = "--ip", paramLabel = "ADDRESS", description = "public address a first (gateway) node announces")
        String ip;

        @Option(names = "--gateway", negatable = true, description = "add (--gateway) or remove (--no-gateway) the gateway line")
        Boolean gateway;

        @Option(names = "--restart", description = "restart re6stnet afterwards")
        boolean restart;

        @Option(names = "--dir", defaultValue = Re6stSettings.DEFAULT_DIR, paramLabel = "DIR",
                description = "re6st configuration folder (default: ${DEFAULT-VALUE})")
        String dir;

        @Override
        public Integer call() {
            Re6stConfigAction action;
            try {
                action = new Re6stConfigAction(new Re6stSettings(dir, Optional.ofNullable(registry), token(),
                        Optional.ofNullable(ip), Optional.ofNullable(gateway), restart));
            } catch (IllegalArgumentException e) {
                return invalid(e);
            }
            return run().action(node -> action, apply.dryRun, apply.yes);
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

    @Command(name = "status", description = "Whether re6stnet runs, and how that was found (systemctl, init script or processes).")
    static final class Status extends NodeCommand.NodeSubcommand {
        @Override
        public Integer call() {
            return run().query((node, out) -> out.println(Re6stStatus.of(node).describe()));
        }
    }
}
