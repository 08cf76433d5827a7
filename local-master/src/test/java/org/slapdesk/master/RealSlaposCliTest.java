package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.testlab.SlaposVenv;

/** The real {@code slapos} client (PyPI slapos.core) against the local master, as a user runs it. */
class RealSlaposCliTest {

    static final String SR = "https://lab.example/software/demo/software.cfg";
    static final String FRONTEND = "https://lab.example/software/frontend/software.cfg";

    @TempDir
    Path dir;

    LocalMaster master;
    Slapos slapos;
    MasterHttp http;

    @BeforeEach
    void start() throws Exception {
        SlaposVenv venv = SlaposVenv.require();
        master = LocalMaster.start(
                dir.resolve("master.sqlite"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        slapos = new Slapos(venv, dir, master.url());
        http = new MasterHttp(master.url());
        assertThat(http.format("COMP-A", 2).statusCode()).isEqualTo(200);
        assertThat(http.format("COMP-B", 2).statusCode()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        if (master != null) {
            master.close();
        }
    }

    @Test
    void supplyRequestListInfoAndComputers() throws Exception {
        assertThat(ok(slapos.cli("supply", SR, "COMP-B"))).contains("");
        assertThat(master.queries().nodes("COMP-B").get(0).installations())
                .extracting(i -> i.url())
                .containsExactly(SR);

        // --node pins the node; --parameters travel as a dict
        String requested = ok(slapos.cli(
                "request",
                "web",
                SR,
                "--node",
                "computer_guid=COMP-B",
                "--parameters",
                "domain=example.org",
                "port=8080"));
        assertThat(requested).contains("State is : started");
        JsonNode web = rpc("slapos.get.v0.instance_tree", "{\"title\": \"web\"}");
        assertThat(web.get("computer_guid").asText()).isEqualTo("COMP-B");
        assertThat(web.get("compute_partition_id").asText()).isEqualTo("slappart0");
        assertThat(web.get("parameters").get("domain").asText()).isEqualTo("example.org");

        // a shared instance on it, and one on a host of another release (none: 408, exit 2)
        ok(slapos.cli("request", "site", SR, "--slave", "--parameters", "url=https://site.example"));
        Slapos.Result orphan = slapos.cli("request", "orphan", FRONTEND, "--slave");
        assertThat(orphan.exit()).as(orphan.all()).isEqualTo(2);

        ok(slapos.cli("request", "db", SR));
        ok(slapos.cli("request", "db", SR, "--state", "stopped"));
        assertThat(rpc("slapos.get.v0.instance_tree", "{\"title\": \"db\"}")
                        .get("state")
                        .asText())
                .isEqualTo("stopped");

        JsonNode list = json(ok(slapos.cli("service", "list")));
        assertThat(list.get("web").asText()).isEqualTo(SR);
        assertThat(list.get("db").asText()).isEqualTo(SR);
        assertThat(list.get("site").asText()).isEqualTo(SR);
        assertThat(list.has("orphan")).isTrue();

        master.service().setConnection("COMP-B", "slappart0", Map.of("url", "https://[fd00::2]:443/"), null);
        master.service().instanceReport("COMP-B", "slappart0", "started");
        JsonNode info = json(ok(slapos.cli("service", "info", "web")));
        assertThat(info.get("software-url").asText()).isEqualTo(SR);
        assertThat(info.get("software-type").asText()).isEqualTo("default");
        assertThat(info.get("shared").asBoolean()).isFalse();
        assertThat(info.get("requested-state").asText()).isEqualTo("started");
        assertThat(info.get("instance-parameters").get("port").asText()).isEqualTo("8080");
        assertThat(info.get("connection-parameters").get("url").asText()).isEqualTo("https://[fd00::2]:443/");
        assertThat(info.get("status").asText()).isEqualTo("green");
        assertThat(json(ok(slapos.cli("service", "info", "site"))).get("shared").asBoolean())
                .isTrue();
        Slapos.Result missing = slapos.cli("service", "info", "nothing-here");
        assertThat(missing.exit()).as(missing.all()).isEqualTo(2);

        String computers = ok(slapos.cli("computer", "list"));
        assertThat(computers).contains("COMP-A COMP-A").contains("COMP-B COMP-B");
        assertThat(ok(slapos.cli("computer", "info", "COMP-B")))
                .contains("Computer Reference: COMP-B")
                .contains("Computer Title    : COMP-B");
        assertThat(slapos.cli("computer", "info", "COMP-404").exit()).isEqualTo(2);

        ok(slapos.cli("request", "café & web/1", SR, "--parameters", "note=<b>ü</b>"));
        JsonNode accented = json(ok(slapos.cli("service", "info", "café & web/1")));
        assertThat(accented.get("instance-parameters").get("note").asText()).isEqualTo("<b>ü</b>");

        ok(slapos.cli("request", "typed", SR, "--type", "replica"));
        assertThat(json(ok(slapos.cli("service", "info", "typed")))
                        .get("software-type")
                        .asText())
                .isEqualTo("replica");

        ok(slapos.cli("remove", SR, "COMP-B"));
        assertThat(master.queries()
                        .nodes("COMP-B")
                        .get(0)
                        .installations()
                        .get(0)
                        .requestedState())
                .isEqualTo("destroyed");

        ok(slapos.cli("request", "web", SR, "--node", "computer_guid=COMP-B", "--state", "destroyed"));
        assertThat(rpc("slapos.get.v0.instance_tree", "{\"title\": \"web\"}")
                        .get("state")
                        .asText())
                .isEqualTo("destroyed");
    }

    private String ok(Slapos.Result r) {
        assertThat(r.exit()).as(r.all()).isZero();
        return r.all();
    }

    private JsonNode rpc(String method, String body) throws Exception {
        var r = http.json(method, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body());
    }

    /** The JSON document the CLI prints (the output may have log lines around it). */
    private static JsonNode json(String output) throws Exception {
        int start = output.indexOf('{');
        int end = output.lastIndexOf('}');
        return new ObjectMapper().readTree(output.substring(start, end + 1));
    }
}
