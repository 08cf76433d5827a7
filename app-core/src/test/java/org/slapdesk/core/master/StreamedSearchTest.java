package org.slapdesk.core.master;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A search read from the JSON stream hands over the same rows as the search read into a tree,
 * page by page from a master that honours the limit, and once from one that ignores it; nested
 * fields are read as {@code outer.inner} and the answer's own members come back.
 */
class StreamedSearchTest {

    private static final String QUERY = "portal_type:\"Compute Partition\" AND validation_state:validated";

    private CannedServer server;
    private MasterHttp http;

    @BeforeEach
    void start() throws Exception {
        server = new CannedServer();
        http = MasterHttp.open(MasterProfile.plain("canned", server.url()), ClientOptions.defaults());
        server.on(
                "/hateoas/",
                200,
                "application/hal+json",
                "{\"_links\": {\"raw_search\": {\"href\": \"" + server.url()
                        + "hateoas/search?query={query}&select_list={select_list}&limit={limit}\"}}}");
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    @Test
    void aMasterHonouringTheLimitIsReadPageByPageAsTheTreeSearchReadsIt() throws Exception {
        answerRows(7, true);
        HateoasEndpoint hateoas = new HateoasEndpoint(http, URI.create(server.url() + "hateoas/"), 3);

        List<String> streamed = new ArrayList<>();
        JsonNode rest = hateoas.streamSearch(QUERY, List.of("reference"), row -> streamed.add(describe(row)));

        List<String> tree = hateoas.search(QUERY, List.of("reference")).stream()
                .map(row -> row.path("reference").asText() + " "
                        + row.path("access_status").path("text").asText())
                .toList();
        assertThat(streamed).hasSize(7).containsExactlyElementsOf(tree);
        assertThat(streamed.get(0)).isEqualTo("slappart0 #access 0");
        assertThat(rest.path("change_counter").asLong()).isEqualTo(42);
    }

    @Test
    void aMasterIgnoringTheLimitIsReadOnceEvenWhenItsRowsFillAPage() throws Exception {
        answerRows(3, false);
        HateoasEndpoint hateoas = new HateoasEndpoint(http, URI.create(server.url() + "hateoas/"), 3);

        List<String> streamed = new ArrayList<>();
        hateoas.streamSearch(QUERY, List.of("reference"), row -> streamed.add(describe(row)));

        assertThat(streamed).containsExactly("slappart0 #access 0", "slappart1 #access 1", "slappart2 ");
    }

    private static String describe(SearchRows.Row row) {
        return row.text("reference", "?") + " " + row.text("access_status.text", "");
    }

    /** {@code total} rows, the last without status (null); honouring {@code limit=start,count} or not. */
    private void answerRows(int total, boolean honourLimit) {
        server.on("/hateoas/search", exchange -> {
            String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
            String limit = query.replaceAll(".*limit=([0-9]+,[0-9]+).*", "$1");
            int start = honourLimit ? Integer.parseInt(limit.split(",")[0]) : 0;
            int count = honourLimit ? Integer.parseInt(limit.split(",")[1]) : total;
            String rows = IntStream.range(start, Math.min(total, start + count))
                    .mapToObj(i -> "{\"reference\": \"slappart" + i
                            + "\", \"list\": [1, {\"a\": 2}], \"access_status\": "
                            + (i == total - 1 ? "null" : "{\"text\": \"#access " + i + "\", \"since\": null}") + "}")
                    .collect(Collectors.joining(", "));
            CannedServer.answer(
                    exchange,
                    200,
                    "application/hal+json",
                    "{\"change_counter\": 42, \"_embedded\": {\"contents\": [" + rows + "]}}");
        });
    }
}
