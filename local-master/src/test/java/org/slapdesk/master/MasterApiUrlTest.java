package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.SlapMaster;
import org.slapdesk.core.model.InstanceRequest;
import org.slapdesk.core.model.RequestedState;

/**
 * Where the console's JSON-RPC calls land: at the profile's API URL when it has one (the real
 * master's {@code portal_web_services/slapos_master_api/}, which the local master also serves),
 * else at the master URL. A loopback proxy in front of the local master records the paths.
 */
class MasterApiUrlTest {

    private static final String SR = "https://lab.example/software/demo/software.cfg";
    private static final String API_PATH = "/portal_web_services/slapos_master_api/";

    @TempDir
    Path dir;

    @Test
    void aProfileWithAnApiUrlCallsJsonRpcThere() throws Exception {
        try (LocalMaster master = startWithService();
                CountingProxy proxy = new CountingProxy(master.url())) {
            MasterProfile profile = MasterProfile.plain(
                            "real-layout", proxy.url().toString())
                    .withRestUrl(proxy.url().resolve("hateoas/"))
                    .withApiUrl(proxy.url().resolve(API_PATH.substring(1)));
            try (SlapMaster client = SlapMaster.open(profile)) {
                assertThat(client.connectionParameters("svc")).containsEntry("url", "http://x");
                assertThat(client.service("svc").tree().softwareReleaseUrl()).isEqualTo(SR);
            }
            List<String> jsonRpc = jsonRpcPaths(proxy);
            assertThat(jsonRpc).isNotEmpty().allMatch(p -> p.equals(API_PATH + "slapos.get.v0.instance_tree"));
        }
    }

    @Test
    void aProfileWithoutOneCallsJsonRpcAtTheMasterUrlAsBefore() throws Exception {
        try (LocalMaster master = startWithService();
                CountingProxy proxy = new CountingProxy(master.url())) {
            MasterProfile profile = MasterProfile.plain(
                            "slapproxy-layout", proxy.url().toString())
                    .withRestUrl(proxy.url().resolve("hateoas/"));
            try (SlapMaster client = SlapMaster.open(profile)) {
                assertThat(client.connectionParameters("svc")).containsEntry("url", "http://x");
            }
            assertThat(jsonRpcPaths(proxy)).isNotEmpty().allMatch(p -> p.equals("/slapos.get.v0.instance_tree"));
        }
    }

    @Test
    void withoutOneTheApiIsFoundBesideAnErp5SitesHateoasUrlOnceForTheSession() throws Exception {
        try (LocalMaster master = startWithService();
                CountingProxy proxy = new CountingProxy(master.url())) {
            realMasterLayout(proxy);
            MasterProfile profile = MasterProfile.plain(
                            "real-layout", proxy.url().toString())
                    .withRestUrl(proxy.url().resolve("erp5/web_site_module/slapos_hateoas/"));
            try (SlapMaster client = SlapMaster.open(profile)) {
                assertThat(client.connectionParameters("svc")).containsEntry("url", "http://x");
                assertThat(client.connectionParameters("svc")).containsEntry("url", "http://x");
            }
            assertThat(jsonRpcPaths(proxy))
                    .containsExactly(
                            "/slapos.get.v0.instance_tree",
                            "/erp5" + API_PATH + "slapos.get.v0.instance_tree",
                            "/erp5" + API_PATH + "slapos.get.v0.instance_tree");
        }
    }

    @Test
    void aHateoasUrlThatDoesNotShowItsSiteLeavesTheOldFallback() throws Exception {
        try (LocalMaster master = startWithService();
                CountingProxy proxy = new CountingProxy(master.url())) {
            realMasterLayout(proxy);
            MasterProfile profile = MasterProfile.plain(
                            "virtual-host", proxy.url().toString())
                    .withRestUrl(proxy.url().resolve("hateoas/"));
            try (SlapMaster client = SlapMaster.open(profile)) {
                assertThat(client.connectionParameters("svc")).containsEntry("url", "http://x");
                assertThat(client.connectionParameters("svc")).containsEntry("url", "http://x");
            }
            assertThat(jsonRpcPaths(proxy))
                    .as("no guess without a web_site_module in the HATEOAS URL; HATEOAS answers instead")
                    .containsOnly("/slapos.get.v0.instance_tree");
            assertThat(proxy.paths()).anyMatch(p -> p.startsWith("/hateoas/traverse"));
        }
    }

    /** The real master: no JSON-RPC at the SLAP URL, HATEOAS and JSON-RPC under the ERP5 site {@code /erp5/}. */
    private static void realMasterLayout(CountingProxy proxy) {
        proxy.refuse("slapos.");
        proxy.serveUnder("erp5/web_site_module/slapos_hateoas/", "hateoas/");
        proxy.serveUnder("erp5/" + API_PATH.substring(1), API_PATH.substring(1));
    }

    private LocalMaster startWithService() throws Exception {
        LocalMaster master =
                LocalMaster.start(dir.resolve("m.sqlite"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        new MasterHttp(master.url()).format("COMP-1", 1);
        try (SlapMaster direct =
                SlapMaster.open(MasterProfile.plain("direct", master.url().toString()))) {
            direct.supply(SR, "COMP-1");
            direct.request(new InstanceRequest(
                    "svc", SR, "default", Map.of("a", "1"), false, Map.of(), false, RequestedState.STARTED));
        }
        master.service().setConnection("COMP-1", "slappart0", Map.of("url", "http://x"), null);
        return master;
    }

    private static List<String> jsonRpcPaths(CountingProxy proxy) {
        return proxy.paths().stream().filter(p -> p.contains("slapos.")).toList();
    }
}
