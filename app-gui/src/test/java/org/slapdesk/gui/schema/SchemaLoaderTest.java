package org.slapdesk.gui.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.gui.services.ReleaseFiles;

class SchemaLoaderTest {

    @TempDir
    Path dir;

    private final SchemaLoader loader = new SchemaLoader(new SchemaFetcher());

    @Test
    void relativeRefsAreResolvedAgainstTheDocumentThatHoldsThem() throws Exception {
        ReleaseFiles.write(dir);
        ReleaseSchema release =
                loader.release(dir.resolve("software.cfg").toUri().toString());
        JsonNode schema = loader.requestSchema(release.types().get(0));
        JsonNode prefix = schema.path("allOf").path(0).path("properties").path("ipv6-prefix");
        assertThat(prefix.path("title").asText()).isEqualTo("IPv6 prefix");
        assertThat(prefix.has("$ref")).isFalse();
    }

    @Test
    void aLocalPathReleaseFindsItsSchemaBesideIt() throws Exception {
        ReleaseFiles.write(dir);
        ReleaseSchema release = loader.release(dir.resolve("software.cfg").toString());
        assertThat(release.types()).hasSize(2);
    }

    @Test
    void refsIntoSubfoldersAndLocalFragmentsWorkOverHttp() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, String> files = Map.of(
                "/sr/software.cfg.json", "{\"software-type\": {\"default\": {\"request\": \"schemas/input.json\"}}}",
                "/sr/schemas/input.json",
                        "{\"type\": \"object\", \"properties\": {"
                                + "\"size\": {\"$ref\": \"#/definitions/size\"},"
                                + "\"disk\": {\"$ref\": \"../common/disk.json\"}},"
                                + "\"definitions\": {\"size\": {\"type\": \"integer\", \"maximum\": 8}}}",
                "/sr/common/disk.json", "{\"type\": \"string\", \"enum\": [\"ssd\", \"hdd\"]}");
        server.createContext("/", exchange -> {
            String body = files.get(exchange.getRequestURI().getPath());
            byte[] bytes = (body == null ? "missing" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            ReleaseSchema release = loader.release(base + "/sr/software.cfg");
            FormSchema form = FormSchema.of(loader.requestSchema(release.types().get(0)));
            assertThat(form.fields()).extracting(FieldSpec::name).containsExactly("size", "disk");
            assertThat(form.fields().get(1).choices()).containsExactly("ssd", "hdd");
            assertThat(form.validate(Map.of("size", 9))).containsKey("size");
            assertThat(form.validate(Map.of("size", 2, "disk", "ssd"))).isEmpty();

            assertThatThrownBy(() -> loader.release(base + "/nothing/software.cfg"))
                    .isInstanceOf(SchemaException.class)
                    .hasMessageContaining("HTTP 404");
        } finally {
            server.stop(0);
        }
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
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("recursive");
    }

    @Test
    void brokenDocumentsAreNamedInTheError() throws Exception {
        Files.writeString(dir.resolve("software.cfg.json"), "{\"software-type\": ");
        assertThatThrownBy(
                        () -> loader.release(dir.resolve("software.cfg").toUri().toString()))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("software.cfg.json is not valid JSON");
        assertThatThrownBy(() -> loader.release("ftp://example/software.cfg"))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("only file:, http: and https:");
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
        assertThat(List.of(release.types().get(0).softwareType())).containsExactly("default");
    }
}
