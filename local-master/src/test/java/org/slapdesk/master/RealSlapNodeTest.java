package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.master.store.Rows;
import org.slapdesk.master.store.Store;
import org.slapdesk.testlab.SlaposVenv;

/** The real slapos.slap library (PyPI slapos.core) doing the node side against the local master. */
class RealSlapNodeTest {

    static final String SR = "https://lab.example/software/demo/software.cfg";

    @TempDir
    Path dir;

    LocalMaster master;
    Slapos slapos;

    @BeforeEach
    void start() throws Exception {
        SlaposVenv venv = SlaposVenv.require();
        master = LocalMaster.start(
                dir.resolve("master.sqlite"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        slapos = new Slapos(venv, dir, master.url());
    }

    @AfterEach
    void stop() {
        if (master != null) {
            master.close();
        }
    }

    @Test
    void aNodeFormatsInstallsAndReportsThroughTheRealLibrary() throws Exception {
        assertThat(slapos.node("format", "COMP-1", "3").asText()).isEqualTo("done");
        JsonNode info = slapos.node("info", "COMP-1");
        assertThat(info.get("partitions")).hasSize(3);
        assertThat(info.get("partitions").get(0).get("requested_state").asText())
                .isEqualTo("destroyed");

        assertThat(slapos.cli("supply", SR, "COMP-1").exit()).isZero();
        info = slapos.node("info", "COMP-1");
        assertThat(info.get("software").get(0).get(0).asText()).isEqualTo(SR);
        assertThat(info.get("software").get(0).get(1).asText()).isEqualTo("available");

        slapos.node("sw", "COMP-1", SR, "building");
        assertThat(status("installation", "COMP-1 " + SR)).startsWith("#building software release " + SR);
        slapos.node("sw", "COMP-1", SR, "error");
        assertThat(status("installation", "COMP-1 " + SR)).isEqualTo("#error while installing " + SR);
        slapos.node("sw", "COMP-1", SR, "available");
        assertThat(status("installation", "COMP-1 " + SR)).isEqualTo("#access software release " + SR + " available");

        Slapos.Result request = slapos.cli("request", "my-service", SR, "--parameters", "foo=bar", "n=1");
        assertThat(request.exit()).as(request.all()).isZero();
        info = slapos.node("info", "COMP-1");
        JsonNode busy = info.get("partitions").get(0);
        assertThat(busy.get("title").asText()).isEqualTo("my-service");
        assertThat(busy.get("requested_state").asText()).isEqualTo("started");
        assertThat(busy.get("parameters").get("foo").asText()).isEqualTo("bar");
        assertThat(busy.get("ip_list").get(0).get(0).asText()).isEqualTo("slaptap0");
        assertThat(busy.get("ip_list").get(0).get(1).asText()).isEqualTo("10.0.0.2");
        assertThat(busy.get("access_status").asText()).startsWith("#error no data found");
        String guid = busy.get("instance_guid").asText();

        slapos.node("inst", "COMP-1", "slappart0", "started");
        assertThat(partition("slappart0").get("access_status").asText())
                .isEqualTo("#access Instance correctly started");
        slapos.node("inst", "COMP-1", "slappart0", "connection", "{\"url\": \"http://[fd00:5a::2]:8080/\"}");
        Slapos.Result again = slapos.cli("request", "my-service", SR, "--parameters", "foo=bar", "n=1");
        assertThat(again.all()).contains("http://[fd00:5a::2]:8080/");

        String before = busy.get("timestamp").asText();
        slapos.node("inst", "COMP-1", "slappart0", "bang", "promise failed");
        JsonNode banged = partition("slappart0");
        assertThat(banged.get("access_status").asText()).isEqualTo("#error bang called: promise failed");
        assertThat(Long.parseLong(banged.get("timestamp").asText())).isGreaterThan(Long.parseLong(before));

        slapos.node("inst", "COMP-1", "slappart0", "error", "x".repeat(100) + "the last words");
        assertThat(partition("slappart0").get("access_status").asText())
                .startsWith("#error while instanciating: ")
                .endsWith("the last words")
                .hasSize("#error while instanciating: ".length() + 80);

        JsonNode status = slapos.node("status", "COMP-1");
        assertThat(status.get("text").asText()).isEqualTo("#access COMP-1");
        assertThat(status.get("created_at").asText()).endsWith("GMT");

        // stop, then destroy: the node confirms, the partition is free again
        assertThat(slapos.cli("request", "my-service", SR, "--state", "stopped").exit())
                .isZero();
        assertThat(slapos.node("register", "COMP-1", "slappart0")
                        .get("requested_state")
                        .asText())
                .isEqualTo("stopped");
        slapos.node("inst", "COMP-1", "slappart0", "stopped");
        assertThat(partition("slappart0").get("access_status").asText())
                .isEqualTo("#access Instance correctly stopped");
        assertThat(slapos.cli("request", "my-service", SR, "--state", "destroyed")
                        .exit())
                .isZero();
        assertThat(slapos.node("register", "COMP-1", "slappart0")
                        .get("requested_state")
                        .asText())
                .isEqualTo("destroyed");
        slapos.node("inst", "COMP-1", "slappart0", "destroyed");
        JsonNode freed = slapos.node("info", "COMP-1").get("partitions").get(0);
        assertThat(freed.has("title")).isFalse();
        assertThat(freed.get("requested_state").asText()).isEqualTo("destroyed");
        assertThat(master.queries().instanceByGuid(guid)).isEmpty();

        slapos.cli("remove", SR, "COMP-1");
        assertThat(slapos.node("info", "COMP-1").get("software").get(0).get(1).asText())
                .isEqualTo("destroyed");
        slapos.node("sw", "COMP-1", SR, "destroyed");
        assertThat(slapos.node("info", "COMP-1").get("software")).isEmpty();
    }

    @Test
    void partitionsRequestIntoTheirTreeAndHostSharedInstances() throws Exception {
        slapos.node("format", "COMP-1", "3");
        assertThat(slapos.cli("request", "root", SR).exit()).isZero();
        JsonNode child = slapos.node("inst", "COMP-1", "slappart0", "request", "child", SR, "normal");
        assertThat(child.get("partition").asText()).isEqualTo("slappart1");
        JsonNode onChild = slapos.node("register", "COMP-1", "slappart1");
        assertThat(onChild.get("title").asText()).isEqualTo("child");
        assertThat(onChild.get("root_title").asText()).isEqualTo("root");
        // the child's own request joins the same tree (keyed by the root title)
        JsonNode grandChild = slapos.node("inst", "COMP-1", "slappart1", "request", "grand-child", SR, "normal");
        assertThat(slapos.node("register", "COMP-1", grandChild.get("partition").asText())
                        .get("root_title")
                        .asText())
                .isEqualTo("root");

        // no partition left: 408, the requester sees "not ready", not a 404
        assertThat(slapos.node("inst", "COMP-1", "slappart0", "request", "fourth", SR, "normal")
                        .get("not_ready")
                        .asBoolean())
                .isTrue();
        Slapos.Result cli = slapos.cli("request", "another-root", SR);
        assertThat(cli.exit()).as(cli.all()).isEqualTo(2);

        // a shared instance lands on the busy partition with the same release and type
        Slapos.Result shared = slapos.cli("request", "my-shared", SR, "--slave", "--parameters", "domain=a.example");
        assertThat(shared.exit()).as(shared.all()).isZero();
        JsonNode host = slapos.node("register", "COMP-1", "slappart0");
        assertThat(host.get("slave_instance_list")).hasSize(1);
        JsonNode entry = host.get("slave_instance_list").get(0);
        assertThat(entry.get("slave_title").asText()).isEqualTo("my-shared");
        assertThat(entry.get("domain").asText()).isEqualTo("a.example");
        slapos.node(
                "inst",
                "COMP-1",
                "slappart0",
                "connection",
                "{\"site\": \"https://a.example\"}",
                entry.get("slave_reference").asText());
        assertThat(slapos.cli("request", "my-shared", SR, "--slave", "--parameters", "domain=a.example")
                        .all())
                .contains("https://a.example");

        // the node renames its instance; the tree follows
        slapos.node("inst", "COMP-1", "slappart0", "rename", "renamed-root");
        assertThat(slapos.node("register", "COMP-1", "slappart1")
                        .get("root_title")
                        .asText())
                .isEqualTo("renamed-root");

        // partition certificate: empty without a CA, as slapproxy answers
        JsonNode certificate = slapos.node("inst", "COMP-1", "slappart0", "certificate");
        assertThat(certificate.get("certificate").asText()).isEmpty();
    }

    /** A partition as the node sees it in getFullComputerInformation (which carries _access_status). */
    private JsonNode partition(String id) throws Exception {
        for (JsonNode p : slapos.node("info", "COMP-1").get("partitions")) {
            if (p.get("id").asText().equals(id)) {
                return p;
            }
        }
        throw new AssertionError("no partition " + id);
    }

    private String status(String kind, String reference) throws Exception {
        return master.service().database().transaction(c -> new Store(c)
                .status(kind, reference)
                .map(Rows.Status::text)
                .orElse(null));
    }
}
