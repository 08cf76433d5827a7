package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.wire.SlapObject;
import org.slapdesk.core.wire.XmlMarshal;
import org.slapdesk.master.store.Database;

/**
 * Reading a node, and searching nodes, costs the same number of SQL statements whatever the
 * number of partitions, instances and nodes: one statement per row is what made fleet-size reads
 * slow.
 */
class StatementCountTest {

    private static final String RELEASE = "https://lab.example/software/demo/software.cfg";
    private static final String NODE_SEARCH = "portal_type:\"Compute Node\" AND validation_state:validated";

    @TempDir
    Path dir;

    private LocalMaster master;
    private MasterHttp http;

    @BeforeEach
    void start() throws Exception {
        master = LocalMaster.start(dir.resolve("m.sqlite"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        http = new MasterHttp(master.url());
    }

    @AfterEach
    void stop() {
        master.close();
    }

    @Test
    void aNodesFullInformationCostsTheSameStatementsWithOneOrManyPartitionsAndInstances() throws Exception {
        fill("COMP-SMALL", 1, 1);
        fill("COMP-BIG", 12, 8);
        requestShared("shared-0", "COMP-BIG");
        requestShared("shared-1", "COMP-BIG");

        long small = statementsOf(() -> readNode("COMP-SMALL"));
        long big = statementsOf(() -> readNode("COMP-BIG"));

        assertThat(big).as("statements for 12 partitions vs 1").isEqualTo(small);
    }

    @Test
    void theNodeSearchIsOneStatementWhateverTheFleetSize() throws Exception {
        fill("COMP-1", 3, 2);
        long one = statementsOf(this::searchNodes);
        for (int n = 2; n <= 6; n++) {
            fill("COMP-" + n, 3, 0);
        }
        long six = statementsOf(this::searchNodes);

        assertThat(one).isEqualTo(1);
        assertThat(six).isEqualTo(1);
    }

    @Test
    void theFleetWideSearchesAndTheServiceListingAreOneStatementEachWhateverTheFleetSize() throws Exception {
        List<String> searches = List.of(
                NODE_SEARCH,
                "portal_type:\"Compute Partition\" AND validation_state:validated",
                "portal_type:\"Software Installation\" AND validation_state:validated",
                "portal_type:\"Instance Tree\" AND validation_state:validated");
        fill("COMP-1", 3, 2);
        Map<String, Long> small = new LinkedHashMap<>();
        for (String query : searches) {
            small.put(query, statementsOf(() -> search(query)));
        }
        for (int n = 2; n <= 6; n++) {
            fill("COMP-" + n, 3, 2);
        }
        for (String query : searches) {
            assertThat(small.get(query)).as(query).isEqualTo(1);
            assertThat(statementsOf(() -> search(query))).as(query).isEqualTo(1);
        }
    }

    @Test
    void aNodesFullInformationCarriesItsAccessStatus() throws Exception {
        fill("COMP-1", 1, 0);
        SlapObject computer = readNode("COMP-1");
        assertThat(computer.stateMap().get("_access_status")).asString().startsWith("#access");
    }

    private void fill(String computer, int partitions, int instances) throws Exception {
        assertThat(http.format(computer, partitions).statusCode()).isEqualTo(200);
        assertThat(http.post(
                                "supplySupply",
                                MasterHttp.form("url", RELEASE, "computer_id", computer, "state", "available"))
                        .statusCode())
                .isEqualTo(200);
        for (int i = 0; i < instances; i++) {
            HttpResponse<String> answer = http.request(
                    computer + "-service-" + i,
                    RELEASE,
                    Map.of("i", "" + i),
                    Map.of("computer_guid", computer),
                    "started",
                    false);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }
    }

    private void requestShared(String title, String computer) throws Exception {
        HttpResponse<String> answer =
                http.request(title, RELEASE, Map.of("s", title), Map.of("computer_guid", computer), "started", true);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private SlapObject readNode(String computer) throws Exception {
        HttpResponse<String> answer = http.get("getFullComputerInformation", MasterHttp.form("computer_id", computer));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return (SlapObject) XmlMarshal.loads(answer.body());
    }

    private void searchNodes() throws Exception {
        HttpResponse<String> answer = http.get("hateoas/search", MasterHttp.form("query", NODE_SEARCH));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("COMP-1");
    }

    private void search(String query) throws Exception {
        HttpResponse<String> answer = http.get("hateoas/search", MasterHttp.form("query", query));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    private long statementsOf(Call call) throws Exception {
        Database database = master.service().database();
        call.run(); // a first call may write the node's first contact
        long before = database.statementsRun();
        call.run();
        return database.statementsRun() - before;
    }
}
