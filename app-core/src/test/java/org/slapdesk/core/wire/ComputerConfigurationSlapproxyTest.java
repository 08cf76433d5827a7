package org.slapdesk.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.wire.ComputerConfiguration.Address;
import org.slapdesk.core.wire.ComputerConfiguration.Partition;
import org.slapdesk.testlab.ProcessResult;
import org.slapdesk.testlab.RealSlapproxy;

/** A real slapproxy accepts what ComputerConfiguration writes, as it accepts slapos node format's post. */
class ComputerConfigurationSlapproxyTest {

    @TempDir
    Path dir;

    private static int post(RealSlapproxy proxy, String xml) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(proxy.url() + "/loadComputerConfigurationFromXML"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("xml=" + URLEncoder.encode(xml, StandardCharsets.UTF_8)))
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static List<String> rows(Path db, String tablePrefix, String columns) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            String table;
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB '"
                    + tablePrefix + "[0-9]*' ORDER BY length(name) DESC, name DESC LIMIT 1")) {
                assertThat(rs.next()).as("slapproxy table " + tablePrefix).isTrue();
                table = rs.getString(1);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT " + columns + " FROM " + table + " ORDER BY " + columns)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        cells.add(rs.getString(i));
                    }
                    out.add(String.join("|", cells));
                }
            }
            return out;
        }
    }

    @Test
    void slapproxyStoresTheNodeAndItsPartitions() throws Exception {
        try (RealSlapproxy proxy = RealSlapproxy.start(dir.resolve("proxy"))) {
            assertThat(post(proxy, ComputerConfigurationTest.sampleNode().toMarshalXml()))
                    .as(proxy.output())
                    .isEqualTo(200);
            assertThat(rows(proxy.database(), "computer", "reference, address, netmask"))
                    .contains("COMP-4242|2001:db8::1|ffff:ffff:ffff:ffff::");
            assertThat(rows(proxy.database(), "partition", "computer_reference, reference, slap_state"))
                    .containsExactly("COMP-4242|slappart0|free", "COMP-4242|slappart1|free");
            assertThat(rows(proxy.database(), "partition_network", "partition_reference, reference, address"))
                    .contains(
                            "slappart0|slaptap0|10.0.117.40",
                            "slappart0|slaptap0|2001:db8::2",
                            "slappart1|slaptap1|2001:db8::3");

            // a smaller configuration deletes the partitions it no longer lists
            ComputerConfiguration smaller = ComputerConfiguration.minimal(
                    "COMP-4242",
                    "10.0.0.1",
                    "255.255.255.0",
                    List.of(Partition.simple(
                            "slappart0",
                            "/srv/slapgrid/slappart0",
                            List.of(Address.of("10.0.0.2", "255.255.255.255")),
                            "slaptap0")));
            assertThat(post(proxy, smaller.toMarshalXml())).as(proxy.output()).isEqualTo(200);
            assertThat(rows(proxy.database(), "partition", "computer_reference, reference"))
                    .containsExactly("COMP-4242|slappart0");

            // and the real client library reads the node back through getFullComputerInformation
            ProcessResult read = proxy.python(
                    """
                    import slapos.slap, sys
                    s = slapos.slap.slap()
                    s.initializeConnection(sys.argv[1])
                    c = s.registerComputer('COMP-4242')
                    print(sorted(p.getId() for p in c.getComputerPartitionList()))
                    """,
                    proxy.url());
            assertThat(read.exitCode()).as(read.stderr()).isZero();
            assertThat(read.stdout().strip()).isEqualTo("['slappart0']");
        }
    }
}
