package org.slapdesk.core.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseSchemaLoaderTest {

    @TempDir
    Path dir;

    private CannedServer server;
    private SlapMaster master;
    private ReleaseSchemaLoader loader;

    @BeforeEach
    void openMaster() throws Exception {
        server = new CannedServer();
        master = SlapMaster.open(MasterProfile.plain("canned", server.url()), ClientOptions.defaults());
        loader = master.releaseSchemas();
    }

    @AfterEach
    void close() {
        master.close();
        server.close();
    }

    @Test
    void relativeRefsAreResolvedAgainstTheDocumentThatHoldsThem() throws Exception {
        Files.createDirectories(dir.resolve("common"));
        Files.writeString(
                dir.resolve("software.cfg.json"),
                "{\"software-type\": {\"default\": {\"request\": \"instance-input-schema.json\"}}}");
        Files.writeString(
                dir.resolve("instance-input-schema.json"),
                "{\"allOf\": [{\"properties\": {\"ipv6-prefix\": {\"$ref\": \"common/ipv6.json#/prefix\"}}}]}");
        Files.writeString(
                dir.resolve("common/ipv6.json"), "{\"prefix\": {\"title\": \"IPv6 prefix\", \"type\": \"string\"}}");
        ReleaseSchema release =
                loader.release(dir.resolve("software.cfg").toUri().toString());
        JsonNode schema = loader.requestSchema(release.types().get(0));
        JsonNode prefix = schema.path("allOf").path(0).path("properties").path("ipv6-prefix");
        assertThat(prefix.path("title").asText()).isEqualTo("IPv6 prefix");
        assertThat(prefix.has("$ref")).isFalse();
    }

    @Test
    void aLocalPathReleaseFindsItsSchemaBesideIt() throws Exception {
        Files.writeString(
                dir.resolve("software.cfg.json"),
                "{\"software-type\": {\"default\": {\"index\": 1}, \"cluster\": {\"index\": 0}}}");
        ReleaseSchema release = loader.release(dir.resolve("software.cfg").toString());
        assertThat(release.types()).extracting(SoftwareTypeEntry::key).containsExactly("cluster", "default");
    }

    @Test
    void refsIntoSubfoldersAndLocalFragmentsWorkOverHttp() throws Exception {
        server.on(
                "/sr/software.cfg.json",
                200,
                "application/json",
                "{\"software-type\": {\"default\": {\"request\": \"schemas/input.json\"}}}");
        server.on(
                "/sr/schemas/input.json",
                200,
                "application/json",
                "{\"type\": \"object\", \"properties\": {"
                        + "\"size\": {\"$ref\": \"#/definitions/size\"},"
                        + "\"disk\": {\"$ref\": \"../common/disk.json\"}},"
                        + "\"definitions\": {\"size\": {\"type\": \"integer\", \"maximum\": 8}}}");
        server.on(
                "/sr/common/disk.json",
                200,
                "application/json",
                "{\"type\": \"string\", \"enum\": [\"ssd\", \"hdd\"]}");
        ReleaseSchema release = loader.release(server.url() + "sr/software.cfg");
        JsonNode schema = loader.requestSchema(release.types().get(0));
        assertThat(schema.path("properties").path("size").path("maximum").asInt())
                .isEqualTo(8);
        assertThat(schema.path("properties").path("disk").path("enum").get(1).asText())
                .isEqualTo("hdd");
    }

    @Test
    void rootSoftwareInstanceIsTheDefaultType() throws Exception {
        Files.writeString(
                dir.resolve("software.cfg.json"),
                "{\"software-type\": {\"cluster\": {\"index\": 0}, \"default\": {\"index\": 1,"
                        + " \"serialisation\": \"json-in-xml\"}}}");
        String url = dir.resolve("software.cfg").toUri().toString();
        ReleaseSchema release = loader.release(url);

        assertThat(release.type("RootSoftwareInstance").map(SoftwareTypeEntry::key))
                .contains("default");
        assertThat(release.type("").map(SoftwareTypeEntry::key)).contains("default");
        assertThat(release.type("cluster").map(SoftwareTypeEntry::key)).contains("cluster");
        assertThat(release.type("nope")).isEmpty();
        assertThat(loader.softwareReleaseSchema(url, "RootSoftwareInstance")
                        .strictSerialisation()
                        .wireName())
                .isEqualTo("json-in-xml");
    }

    @Test
    void aRecursiveSchemaIsRefusedInsteadOfLoopingForever() throws Exception {
        Files.writeString(
                dir.resolve("software.cfg.json"), "{\"software-type\": {\"default\": {\"request\": \"loop.json\"}}}");
        Files.writeString(
                dir.resolve("loop.json"),
                "{\"type\": \"object\", \"properties\": {\"me\": {\"$ref\": \"loop.json\"}}}");
        ReleaseSchema release =
                loader.release(dir.resolve("software.cfg").toUri().toString());
        assertThatThrownBy(() -> loader.requestSchema(release.types().get(0)))
                .isInstanceOf(MasterException.BadResponse.class)
                .hasMessageContaining("recursive");
    }

    @Test
    void brokenJsonIsNamedWithWhereItBreaksAndNoParserDump() throws Exception {
        Files.writeString(dir.resolve("software.cfg.json"), "{\n  \"software-type\": ");
        assertThatThrownBy(
                        () -> loader.release(dir.resolve("software.cfg").toUri().toString()))
                .isInstanceOf(MasterException.BadResponse.class)
                .hasMessageContaining("software.cfg.json is not valid JSON (unexpected end-of-input")
                .hasMessageContaining("line 2")
                .hasMessageContaining("raw JSON or XML")
                .hasMessageNotContaining("[Source")
                .hasMessageNotContaining("null");
    }

    @Test
    void aMissingSchemaSaysWhatWasFetchedAndWhatToDo() {
        assertThatThrownBy(() -> loader.release(server.url() + "nothing/software.cfg"))
                .isInstanceOf(MasterException.NotFound.class)
                .hasMessage("There is no schema document at " + server.url()
                        + "nothing/software.cfg.json: check the release URL; without a schema, enter the"
                        + " parameters as raw JSON or XML.");
    }

    @Test
    void aServerFailureIsNotCalledTheMasters() {
        server.on("/sr/software.cfg.json", 500, "text/html", "<html>oops</html>");
        assertThatThrownBy(() -> loader.release(server.url() + "sr/software.cfg"))
                .isInstanceOf(MasterException.BadResponse.class)
                .hasMessage("Cannot read the schema document " + server.url()
                        + "sr/software.cfg.json: the server answered HTTP 500; check the release URL, or try again"
                        + " later.");
    }

    @Test
    void anOversizedDocumentIsRefused() throws Exception {
        Files.write(dir.resolve("software.cfg.json"), new byte[SchemaDocuments.MAX_BYTES + 1]);
        server.on(
                "/big/software.cfg.json",
                200,
                "application/json",
                "{\"a\": \"" + "x".repeat(SchemaDocuments.MAX_BYTES) + "\"}");
        assertThatThrownBy(() -> loader.release(dir.resolve("software.cfg").toString()))
                .hasMessageContaining("larger than 4 MiB");
        assertThatThrownBy(() -> loader.release(server.url() + "big/software.cfg"))
                .hasMessageContaining("larger than 4 MiB");
    }

    @Test
    void otherSchemesAndBadUrlsAreRefusedInWords() {
        assertThatThrownBy(() -> loader.release("ftp://example/software.cfg"))
                .isInstanceOf(MasterException.InvalidRequest.class)
                .hasMessageContaining("only http:, https: and file: URLs");
        assertThatThrownBy(() -> loader.release("https://exa mple/software.cfg"))
                .isInstanceOf(MasterException.InvalidRequest.class)
                .hasMessageContaining("is not a valid URL");
        assertThatThrownBy(() -> loader.release(" "))
                .isInstanceOf(MasterException.InvalidRequest.class)
                .hasMessageContaining("release URL is empty");
    }

    @Test
    void aFragmentThatPointsNowhereSaysSo() throws Exception {
        Files.writeString(
                dir.resolve("software.cfg.json"), "{\"software-type\": {\"default\": {\"request\": \"in.json\"}}}");
        Files.writeString(dir.resolve("in.json"), "{\"properties\": {\"a\": {\"$ref\": \"#/definitions/nope\"}}}");
        ReleaseSchema release =
                loader.release(dir.resolve("software.cfg").toUri().toString());
        assertThatThrownBy(() -> loader.requestSchema(release.types().get(0)))
                .hasMessageContaining("#/definitions/nope")
                .hasMessageContaining("in.json");
        assertThat(release.types().get(0).softwareType()).isEqualTo("default");
    }
}
