package org.slapdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.master.ClientOptions;
import org.slapdesk.core.master.MasterHttp;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.SlapEndpoint;
import org.slapdesk.master.LocalMaster;
import org.slapdesk.testlab.SlaposVenv;

/**
 * The real slapos.slap library reports a supplied release's installation (building, error,
 * available) to the local master, and {@code slapdesk master node --json} shows each report.
 */
class InstallationReportTest {

    private static final String RELEASE = "https://lab.example/software/demo/software.cfg";
    private static final String REPORT_SCRIPT = String.join(
            "\n",
            "import sys",
            "from slapos.slap import slap",
            "s = slap()",
            "s.initializeConnection(sys.argv[1])",
            "computer, url, report = sys.argv[2], sys.argv[3], sys.argv[4]",
            "sr = [x for x in s.registerComputer(computer).getSoftwareReleaseList() if x.getURI() == url][0]",
            "sr.error('buildout failed') if report == 'error' else getattr(sr, report)()");

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private SlaposVenv venv;
    private LocalMaster master;
    private Path clientConfig;

    @BeforeEach
    void start() throws Exception {
        venv = SlaposVenv.require();
        master = LocalMaster.start(LocalMaster.Options.loopback(dir.resolve("master.sqlite"), 0));
        clientConfig = dir.resolve("slapos-client.cfg");
        Files.writeString(clientConfig, "[slapos]\nmaster_url = " + master.url() + "\n");
        try (MasterHttp http =
                MasterHttp.open(MasterProfile.plain("setup", master.url().toString()), ClientOptions.defaults())) {
            new SlapEndpoint(http, master.url()).loadComputerConfigurationFromXml(node("COMP-1"));
        }
    }

    @AfterEach
    void stop() {
        if (master != null) {
            master.close();
        }
    }

    @Test
    void eachInstallationReportOfTheNodeShowsInTheNodeDetail() throws Exception {
        CliRun supply = master("supply", RELEASE, "COMP-1");
        assertThat(supply.exit()).as(supply.err()).isZero();
        assertThat(softwareStatus()).isNull();

        report("building");
        assertThat(softwareStatus()).startsWith("#building software release " + RELEASE);
        report("error");
        assertThat(softwareStatus()).isEqualTo("#error while installing " + RELEASE);
        report("available");
        assertThat(softwareStatus()).isEqualTo("#access software release " + RELEASE + " available");
    }

    private String softwareStatus() throws Exception {
        CliRun detail = master("node", "COMP-1", "--json");
        assertThat(detail.exit()).as(detail.err()).isZero();
        JsonNode software = json.readTree(detail.out()).path("software").get(0);
        assertThat(software.path("software-url").asText()).isEqualTo(RELEASE);
        return software.path("status").isNull() ? null : software.path("status").asText();
    }

    private void report(String state) throws Exception {
        Process process = new ProcessBuilder(
                        venv.python().toString(),
                        "-c",
                        REPORT_SCRIPT,
                        master.url().toString(),
                        "COMP-1",
                        RELEASE,
                        state)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }

    private CliRun master(String command, String... args) {
        List<String> all = new ArrayList<>(List.of("master", command, "--cfg", clientConfig.toString()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static Map<String, Object> node(String reference) {
        Map<String, Object> computer = new LinkedHashMap<>();
        computer.put("reference", reference);
        computer.put("address", "10.0.0.1");
        computer.put("netmask", "255.255.255.0");
        computer.put(
                "partition_list",
                List.of(Map.of(
                        "reference",
                        "slappart0",
                        "tap",
                        Map.of("name", "slaptap0"),
                        "address_list",
                        List.of(Map.of("addr", "10.0.0.2", "netmask", "255.255.255.0")))));
        return computer;
    }
}
