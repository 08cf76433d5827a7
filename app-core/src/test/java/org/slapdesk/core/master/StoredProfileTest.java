package org.slapdesk.core.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.model.InstanceTree;
import org.slapdesk.core.store.AppStore;

/** A profile read back from the app store keeps its REST URL, and the master client it opens uses it. */
class StoredProfileTest {

    @TempDir
    Path dir;

    private CannedServer server;

    @BeforeEach
    void serveHateoasAtItsOwnUrl() throws Exception {
        server = new CannedServer();
        String base = server.url();
        // the master itself does not say where HATEOAS is (no getHateoasUrl, no JSON-RPC)
        server.on(
                "/api/",
                200,
                "application/hal+json",
                "{\"_links\": {\"raw_search\": {\"href\": \"" + base + "api/search{?query,select_list,limit}\"}}}");
        server.on(
                "/api/search",
                200,
                "application/hal+json",
                "{\"_embedded\": {\"contents\": [{\"title\": \"svc\", \"url_string\": \"https://x/sr.cfg\","
                        + " \"relative_url\": \"instance_tree_module/1\"}]}}");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theRestUrlSurvivesTheStoreAndTheClientReadsServicesThere() throws Exception {
        MasterProfile saved = MasterProfile.plain("api-elsewhere", server.url() + "master/")
                .withRestUrl(URI.create(server.url() + "api/"));
        try (AppStore store = AppStore.open(dir.resolve("slapdesk.db"))) {
            store.profiles().save(saved);
        }
        MasterProfile loaded;
        try (AppStore store = AppStore.open(dir.resolve("slapdesk.db"))) {
            loaded = store.profiles().find("api-elsewhere").orElseThrow();
        }
        assertThat(loaded).isEqualTo(saved);
        try (Master master = SlapMaster.open(
                loaded, ClientOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)))) {
            assertThat(master.services()).extracting(InstanceTree::title).containsExactly("svc");
        }
        assertThat(server.received()).anySatisfy(r -> assertThat(r.path()).isEqualTo("/api/search"));
    }
}
