package org.slapdesk.gui.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slapdesk.testlab.SlaposVenv;

/** A node's report on an instance it runs, made by the real slapos.slap library as slapos node instance does. */
final class InstanceReport {

    private static final String SCRIPT = String.join(
            "\n",
            "import sys",
            "from slapos.slap import slap",
            "s = slap()",
            "s.initializeConnection(sys.argv[1])",
            "partition = s.registerComputerPartition(sys.argv[2], sys.argv[3])",
            "partition.error(sys.argv[5]) if sys.argv[4] == 'error' else getattr(partition, sys.argv[4])()");

    private static final String PUBLISH = String.join(
            "\n",
            "import sys, json",
            "from slapos.slap import slap",
            "s = slap()",
            "s.initializeConnection(sys.argv[1])",
            "s.registerComputerPartition(sys.argv[2], sys.argv[3]).setConnectionDict(json.loads(sys.argv[4]))");

    private InstanceReport() {}

    /** Publishes the instance's connection parameters, as its buildout profile does. */
    static void publish(String masterUrl, String node, String partition, String json) throws Exception {
        run(PUBLISH, masterUrl, node, partition, json);
    }

    /** {@code report} is started, stopped or error (with {@code message}). */
    static void send(String masterUrl, String node, String partition, String report, String message) throws Exception {
        run(SCRIPT, masterUrl, node, partition, report, message);
    }

    private static void run(String script, String... arguments) throws Exception {
        List<String> command =
                new ArrayList<>(List.of(SlaposVenv.require().python().toString(), "-c", script));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }
}
