package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.master.store.Database;
import org.slapdesk.testlab.SlaposVenv;

/**
 * The fleet-wide searches answer, given the counter of an earlier answer, only the rows written
 * since and the keys of the rows removed since, in one SQL statement; the counter is the
 * database's and survives a restart. The writes come from the real slapos.slap library.
 */
class ChangedSinceSearchTest {

    private static final String RELEASE = "https://lab.example/software/changes/software.cfg";
    private static final String NODES = "portal_type:\"Compute Node\" AND validation_state:validated";
    private static final String PARTITIONS = "portal_type:\"Compute Partition\" AND validation_state:validated";
    private static final String INSTALLATIONS = "portal_type:\"Software Installation\" AND validation_state:validated";
    private static final String SERVICES = "portal_type:\"Instance Tree\" AND validation_state:validated";

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    private LocalMaster master;
    private MasterHttp http;
    private Slapos slapos;

    @BeforeEach
    void start() throws Exception {
        master = startMaster();
        http = new MasterHttp(master.url());
        Files.createDirectories(dir.resolve("client"));
        slapos = new Slapos(SlaposVenv.require(), dir.resolve("client"), master.url());
        for (String node : List.of("COMP-A", "COMP-B", "COMP-C")) {
            slapos.node("format", node, "2");
            assertThat(http.post(
                                    "supplySupply",
                                    MasterHttp.form("url", RELEASE, "computer_id", node, "state", "available"))
                            .statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> requested =
                http.request("svc-b", RELEASE, Map.of("n", "1"), Map.of("computer_guid", "COMP-B"), "started", false);
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(200);
        HttpResponse<String> other =
                http.request("svc-c", RELEASE, Map.of("n", "2"), Map.of("computer_guid", "COMP-C"), "started", false);
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        master.close();
    }

    @Test
    void aSearchSinceACounterAnswersTheRowsOneNodeWroteAndOnlyThose() throws Exception {
        JsonNode full = search(NODES);
        long counter = full.path("change_counter").asLong(-1);
        assertThat(counter).as("a full search says its counter").isPositive();
        assertThat(full.path("change_source").asText()).isNotEmpty();
        assertThat(search(NODES + since(counter)).path("_embedded").path("contents"))
                .as("nothing changed yet")
                .isEmpty();

        slapos.node("info", "COMP-B"); // the node's contact: a change of the node
        slapos.node("sw", "COMP-B", RELEASE, "available");
        slapos.node("inst", "COMP-B", "slappart0", "started");

        JsonNode nodes = search(NODES + since(counter));
        assertThat(references(nodes, "reference")).containsExactly("COMP-B");
        assertThat(nodes.path("_embedded")
                        .path("contents")
                        .get(0)
                        .path("access_status")
                        .path("text")
                        .asText())
                .startsWith("#access");
        assertThat(references(search(PARTITIONS + since(counter)), "reference"))
                .as("only the partition whose instance reported")
                .containsExactly("slappart0");
        JsonNode installations = search(INSTALLATIONS + since(counter));
        assertThat(references(installations, "parent_reference")).containsExactly("COMP-B");
        assertThat(installations
                        .path("_embedded")
                        .path("contents")
                        .get(0)
                        .path("access_status")
                        .path("text")
                        .asText())
                .contains("available");
        assertThat(search(SERVICES + since(counter)).path("_embedded").path("contents"))
                .isEmpty();
        long next = search(NODES + since(counter)).path("change_counter").asLong();
        assertThat(next).isGreaterThan(counter);
        assertThat(search(PARTITIONS + since(next)).path("_embedded").path("contents"))
                .isEmpty();
    }

    @Test
    void removedRowsAreAnsweredAsRemoved() throws Exception {
        long counter = search(NODES).path("change_counter").asLong();

        assertThat(http.post(
                                "supplySupply",
                                MasterHttp.form("url", RELEASE, "computer_id", "COMP-A", "state", "destroyed"))
                        .statusCode())
                .isEqualTo(200);
        slapos.node("sw", "COMP-A", RELEASE, "destroyed");
        slapos.node("format", "COMP-A", "1"); // slappart1 goes away
        HttpResponse<String> destroyed =
                http.request("svc-c", RELEASE, Map.of("n", "2"), Map.of("computer_guid", "COMP-C"), "destroyed", false);
        assertThat(destroyed.statusCode()).as(destroyed.body()).isEqualTo(200);
        slapos.node("inst", "COMP-C", "slappart0", "destroyed");

        JsonNode installations = search(INSTALLATIONS + since(counter));
        assertThat(installations.path("_embedded").path("contents")).isEmpty();
        assertThat(installations.path("removed"))
                .extracting(r -> r.path("parent_reference").asText() + " "
                        + r.path("reference").asText())
                .containsExactly("COMP-A " + RELEASE);
        JsonNode partitions = search(PARTITIONS + since(counter));
        assertThat(partitions.path("removed"))
                .extracting(r -> r.path("parent_reference").asText() + "/"
                        + r.path("reference").asText())
                .containsExactly("COMP-A/slappart1");
        assertThat(partitions.path("_embedded").path("contents"))
                .as("the freed partition is a change, not a removal")
                .extracting(r -> r.path("parent_reference").asText() + "/"
                        + r.path("slap_state").asText())
                .contains("COMP-C/free");
        JsonNode services = search(SERVICES + since(counter));
        assertThat(services.path("removed"))
                .extracting(r -> r.path("title").asText())
                .containsExactly("svc-c");
    }

    @Test
    void theCounterAndItsSourceSurviveARestart() throws Exception {
        slapos.node("inst", "COMP-B", "slappart0", "started");
        JsonNode before = search(PARTITIONS);
        long counter = before.path("change_counter").asLong();
        master.close();
        master = startMaster();
        http = new MasterHttp(master.url());

        JsonNode after = search(NODES + since(counter));
        assertThat(after.path("change_source").asText())
                .isEqualTo(before.path("change_source").asText());
        assertThat(after.path("change_counter").asLong()).isEqualTo(counter);
        assertThat(after.path("_embedded").path("contents")).isEmpty();
    }

    @Test
    void anotherDatabaseHasAnotherSource() throws Exception {
        String source = search(NODES).path("change_source").asText();
        try (LocalMaster other = LocalMaster.start(
                dir.resolve("other.sqlite"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            new MasterHttp(other.url()).format("COMP-X", 1);
            HttpResponse<String> answer =
                    new MasterHttp(other.url()).get("hateoas/search", MasterHttp.form("query", NODES));
            assertThat(json.readTree(answer.body()).path("change_source").asText())
                    .isNotEmpty()
                    .isNotEqualTo(source);
        }
    }

    @Test
    void eachSearchSinceACounterIsOneStatement() throws Exception {
        long counter = search(NODES).path("change_counter").asLong();
        slapos.node("inst", "COMP-B", "slappart0", "started");
        Database database = master.service().database();
        for (String query : List.of(NODES, PARTITIONS, INSTALLATIONS, SERVICES)) {
            long before = database.statementsRun();
            search(query + since(counter));
            assertThat(database.statementsRun() - before).as(query).isEqualTo(1);
        }
    }

    private LocalMaster startMaster() throws Exception {
        return LocalMaster.start(
                dir.resolve("master.sqlite"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    private static String since(long counter) {
        return " AND change_counter:>" + counter;
    }

    private JsonNode search(String query) throws Exception {
        HttpResponse<String> answer = http.get("hateoas/search", MasterHttp.form("query", query));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    private static List<String> references(JsonNode answer, String field) {
        List<String> out = new ArrayList<>();
        answer.path("_embedded")
                .path("contents")
                .forEach(row -> out.add(row.path(field).asText()));
        return out;
    }
}
