package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.wire.XmlMarshal;
import org.slapdesk.master.CertificateIssuer.Role;
import org.slapdesk.master.tls.CertificateAuthority;

/** One user's services are not another's: listed, read and changed by their owner and by administrators only. */
class TreeOwnershipTest {

    static final String SR = "https://lab.example/software/demo/software.cfg";

    @TempDir
    Path dir;

    CertificateAuthority ca;
    LocalMaster master;
    TlsClient alice;
    TlsClient bob;
    TlsClient admin;

    @BeforeEach
    void start() throws Exception {
        ca = CertificateAuthority.init(dir.resolve("ca"), "test CA");
        master = LocalMaster.start(new LocalMaster.Options(
                dir.resolve("m.sqlite"),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                null,
                ca.serverContext(List.of("127.0.0.1", "localhost")),
                ca,
                0,
                0));
        TlsClient node = new TlsClient(master.url(), ca.clientContext(ca.issue(Role.NODE, "COMP-1")));
        List<Object> partitions = List.of(
                Map.of("reference", "slappart0", "address_list", List.of()),
                Map.of("reference", "slappart1", "address_list", List.of()));
        String xml = XmlMarshal.dumps(Map.of("reference", "COMP-1", "partition_list", partitions));
        assertThat(node.form("loadComputerConfigurationFromXML", MasterHttp.encode(MasterHttp.form("xml", xml)))
                        .statusCode())
                .isEqualTo(200);
        alice = new TlsClient(master.url(), ca.clientContext(ca.issue(Role.USER, "alice")));
        bob = new TlsClient(master.url(), ca.clientContext(ca.issue(Role.USER, "bob")));
        admin = new TlsClient(master.url(), ca.clientContext(ca.issueAdmin("root")));
        HttpResponse<String> requested = request(alice, "alice-svc");
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        master.close();
    }

    private static HttpResponse<String> request(TlsClient user, String title) throws Exception {
        return user.form(
                "requestComputerPartition",
                MasterHttp.encode(MasterHttp.form(
                        "software_release",
                        SR,
                        "partition_reference",
                        title,
                        "partition_parameter_xml",
                        XmlMarshal.dumps(Map.of()),
                        "filter_xml",
                        XmlMarshal.dumps(Map.of()),
                        "software_type",
                        "default",
                        "state",
                        XmlMarshal.dumps("started"),
                        "shared_xml",
                        XmlMarshal.dumps(false))));
    }

    private static String treeList(TlsClient user) throws Exception {
        HttpResponse<String> r = user.post("slapos.allDocs.v0.instance_tree_list", "application/json", "{}");
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static String search(TlsClient user) throws Exception {
        String query = URLEncoder.encode(
                "portal_type:\"Instance Tree\" AND validation_state:validated", StandardCharsets.UTF_8);
        HttpResponse<String> r = user.get("hateoas/search?query=" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    void anotherUserNeitherListsNorReadsNorChangesTheService() throws Exception {
        assertThat(treeList(alice)).contains("alice-svc");
        assertThat(treeList(bob)).doesNotContain("alice-svc");
        assertThat(search(bob)).doesNotContain("alice-svc");
        assertThat(bob.post("slapos.get.v0.instance_tree", "application/json", "{\"title\": \"alice-svc\"}")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> taken = request(bob, "alice-svc");
        assertThat(taken.statusCode()).isEqualTo(403);
        assertThat(taken.body()).contains("another user");
        // bob's own service is his
        assertThat(request(bob, "bob-svc").statusCode()).isEqualTo(200);
        assertThat(treeList(bob)).contains("bob-svc").doesNotContain("alice-svc");
        assertThat(treeList(alice)).doesNotContain("bob-svc");
    }

    @Test
    void anAdministratorSeesAndChangesEveryService() throws Exception {
        assertThat(treeList(admin)).contains("alice-svc");
        assertThat(search(admin)).contains("alice-svc");
        assertThat(request(admin, "alice-svc").statusCode()).isEqualTo(200);
        // and the owner is still alice
        assertThat(treeList(alice)).contains("alice-svc");
    }
}
