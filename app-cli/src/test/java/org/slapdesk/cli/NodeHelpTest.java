package org.slapdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `slapdesk node SUB --help` / `-h` print the usage for every node sub-command, required arguments or not. */
class NodeHelpTest {

    @Test
    void everyNodeSubcommandAnswersHelpAndH() {
        CommandLine node =
                new CommandLine(new SlapdeskCommand()).getSubcommands().get("node");
        List<List<String>> paths = new ArrayList<>();
        collect(node, new ArrayList<>(), paths);
        assertThat(paths)
                .hasSizeGreaterThan(20)
                .contains(List.of("storage"), List.of("ha", "switch"), List.of("bridge"));

        for (List<String> path : paths) {
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(List.of("node"));
                args.addAll(path);
                args.add(flag);
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int code = new CommandLine(new SlapdeskCommand())
                        .setOut(new PrintWriter(out))
                        .setErr(new PrintWriter(err))
                        .execute(args.toArray(String[]::new));
                assertThat(code).as(args + ": " + err).isZero();
                assertThat(out.toString())
                        .as(String.join(" ", args))
                        .startsWith("Usage: slapdesk node " + String.join(" ", path));
                assertThat(err.toString()).as(String.join(" ", args)).isEmpty();
            }
        }
    }

    @Test
    void everyOptionOfTheNodeCommandsSaysWhatItIs() {
        CommandLine node =
                new CommandLine(new SlapdeskCommand()).getSubcommands().get("node");
        List<List<String>> paths = new ArrayList<>();
        collect(node, new ArrayList<>(), paths);
        List<String> undescribed = new ArrayList<>();
        for (List<String> path : paths) {
            CommandLine command = node;
            for (String name : path) {
                command = command.getSubcommands().get(name);
            }
            command.getCommandSpec().options().stream()
                    .filter(o -> String.join("", o.description()).isBlank())
                    .forEach(o -> undescribed.add(path + " " + o.longestName()));
        }
        assertThat(undescribed).isEmpty();
    }

    @Test
    void withoutHelpARequiredArgumentIsStillRequired() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new SlapdeskCommand())
                .setOut(new PrintWriter(new StringWriter()))
                .setErr(new PrintWriter(err))
                .execute("node", "repurpose", "--host", "h");
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("Missing required option: '--partitions");
        // storage takes add or remove, so its disk is checked by the action, still before connecting
        StringWriter storageErr = new StringWriter();
        int storage = new CommandLine(new SlapdeskCommand())
                .setOut(new PrintWriter(new StringWriter()))
                .setErr(new PrintWriter(storageErr))
                .execute("node", "storage", "--host", "h");
        assertThat(storage).isEqualTo(2);
        assertThat(storageErr.toString()).contains("give at least one disk device");
    }

    private static void collect(CommandLine command, List<String> prefix, List<List<String>> paths) {
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().aliases().length > 0
                    && !sub.getCommandName().equals(name)) {
                return;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(name);
            paths.add(path);
            collect(sub, path, paths);
        });
    }
}
