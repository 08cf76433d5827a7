package org.slapdesk.gui.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.slapdesk.testlab.SlaposVenv;

/** A node's report on a supplied release, made by the real slapos.slap library as slapos node software does. */
final class InstallationReport {

    private static final String SCRIPT = String.join(
            "\n",
            "import sys",
            "from slapos.slap import slap",
            "s = slap()",
            "s.initializeConnection(sys.argv[1])",
            "computer, url, report = sys.argv[2], sys.argv[3], sys.argv[4]",
            "sr = [x for x in s.registerComputer(computer).getSoftwareReleaseList() if x.getURI() == url][0]",
            "sr.error('buildout failed') if report == 'error' else getattr(sr, report)()");

    private InstallationReport() {}

    /** {@code report} is building, available or error. */
    static void send(String masterUrl, String node, String release, String report) throws Exception {
        Process process = new ProcessBuilder(
                        SlaposVenv.require().python().toString(), "-c", SCRIPT, masterUrl, node, release, report)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }
}
