package org.slapdesk.gui.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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

    private InstanceReport() {}

    /** {@code report} is started, stopped or error (with {@code message}). */
    static void send(String masterUrl, String node, String partition, String report, String message) throws Exception {
        Process process = new ProcessBuilder(
                        SlaposVenv.require().python().toString(),
                        "-c",
                        SCRIPT,
                        masterUrl,
                        node,
                        partition,
                        report,
                        message)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }
}
