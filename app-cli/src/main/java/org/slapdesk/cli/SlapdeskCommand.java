package org.slapdesk.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.slapdesk.core.config.ConfigPaths;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code slapdesk} command line: {@code master}, {@code node}, {@code serve} and {@code monitor} commands. */
@Command(
        name = "slapdesk",
        mixinStandardHelpOptions = true,
        version = "slapdesk 0.1.0",
        subcommands = {MasterCommand.class, NodeCommand.class, ServeCommand.class, MonitorCommand.class},
        description = "Slapdesk: a console for SlapOS operators. With no command, opens the window.")
public final class SlapdeskCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        return new CommandLine(new SlapdeskCommand()).execute(args);
    }

    public static void main(String[] args) {
        ConfigPaths.adoptHomeFromEnvironment();
        // before any logger exists: system properties win over simplelogger.properties
        if (List.of(args).contains("--verbose")) {
            System.setProperty("org.slf4j.simpleLogger.log.net.schmizz", "info");
            System.setProperty("org.slf4j.simpleLogger.log.com.hierynomus", "info");
        }
        System.exit(run(args));
    }
}
