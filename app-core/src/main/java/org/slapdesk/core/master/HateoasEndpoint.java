package org.slapdesk.core.master;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The HATEOAS (HAL+JSON, jIO) dialect as the slapos CLI uses it (docs/protocol.md, "HATEOAS"): the root
 * document's {@code raw_search} and {@code traverse} templates, the four queries of
 * {@code service list|info} and {@code computer list|info}, and the computer token.
 */
public final class HateoasEndpoint {

    public static final String SERVICE_QUERY = "portal_type:\"Instance Tree\" AND validation_state:validated";
    public static final String COMPUTER_QUERY = "portal_type:\"Compute Node\" AND validation_state:validated";

    /** What a service listing reads of each service. */
    public static final List<String> SERVICE_FIELDS =
            List.of("title", "url_string", "slap_state", "source_reference", "relative_url");

    /** Rows asked per search page: the catalog answers 1,000 rows at once without strain. */
    public static final int DEFAULT_PAGE_SIZE = 1000;

    private final MasterHttp http;
    private final URI base;
    private final int pageSize;
    private final ObjectMapper json = new ObjectMapper();
    private JsonNode root;

    public HateoasEndpoint(MasterHttp http, URI base) {
        this(http, base, DEFAULT_PAGE_SIZE);
    }

    public HateoasEndpoint(MasterHttp http, URI base, int pageSize) {
        this.http = Objects.requireNonNull(http, "http");
        this.base = Objects.requireNonNull(base, "base");
        if (pageSize < 1) {
            throw new IllegalArgumentException("a search page holds at least one row, not " + pageSize);
        }
        this.pageSize = pageSize;
    }

    public URI base() {
        return base;
    }

    /** One document from {@code traverse}: its portal type and its {@code my_*} view fields by name. */
    public record Document(String portalType, Map<String, JsonNode> fields) {
        public Optional<String> text(String field) {
            JsonNode node = fields.get(field);
            return node == null || node.isNull()
                    ? Optional.empty()
                    : Optional.of(node.isTextual() ? node.asText() : node.toString());
        }
    }

    /** The root document (fetched once, {@code Cache-Control: no-cache}). */
    public synchronized JsonNode root() throws MasterException {
        if (root == null) {
            root = getJson("the HATEOAS root document", base, Map.of());
        }
        return root;
    }

    /**
     * {@code raw_search}, every page: rows of {@code _embedded.contents}. The master's catalog
     * answers at most {@code limit} rows, given as {@code (start, count)}; pages are read until
     * one is short. A master that ignores the limit (slapproxy, the local master) answers every
     * row at once, or the same rows again, which also ends the reading.
     */
    public List<JsonNode> search(String query, List<String> selectList) throws MasterException {
        return searchAnswer(query, selectList).rows();
    }

    /**
     * A search's rows with the rest of its first answer ({@code answer}: the document around
     * {@code _embedded}), where a master says more than the rows, such as a change counter.
     */
    public record SearchAnswer(List<JsonNode> rows, JsonNode answer) {}

    /** {@link #search}, keeping the answer's own fields. */
    public SearchAnswer searchAnswer(String query, List<String> selectList) throws MasterException {
        SearchAnswer first = searchPage(query, selectList, 0);
        if (first.rows().size() != pageSize) {
            // everything in one answer: no repeated page to drop (and no row printed to find one,
            // which cost more than the read itself at 200,000 rows)
            return first;
        }
        List<JsonNode> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<JsonNode> page = first.rows();
        for (int start = 0; ; ) {
            int added = 0;
            for (JsonNode row : page) {
                if (seen.add(row.toString())) {
                    rows.add(row);
                    added++;
                }
            }
            if (page.size() != pageSize || added == 0) {
                return new SearchAnswer(rows, first.answer());
            }
            start += pageSize;
            page = searchPage(query, selectList, start).rows();
        }
    }

    /**
     * {@link #searchAnswer} read from the stream: each row goes to {@code handler} as it is parsed
     * (no tree of the rows is built) and the answer's other members are returned. Pages as
     * {@link #search} does; a master that ignores the limit answers its first row again on the
     * second page, which ends the reading.
     */
    JsonNode streamSearch(String query, List<String> selectList, SearchRows.RowHandler handler) throws MasterException {
        List<Map<String, String>> firstRow = new ArrayList<>(1);
        SearchRows.Read first = streamPage(query, selectList, 0, row -> {
            if (firstRow.isEmpty()) {
                firstRow.add(row.snapshot());
            }
            handler.row(row);
        });
        if (first.rows() != pageSize) {
            return first.rest();
        }
        for (int start = pageSize; ; start += pageSize) {
            boolean[] repeated = {false};
            int[] seen = {0};
            SearchRows.Read page = streamPage(query, selectList, start, row -> {
                if (seen[0]++ == 0 && row.snapshot().equals(firstRow.get(0))) {
                    repeated[0] = true;
                }
                if (!repeated[0]) {
                    handler.row(row);
                }
            });
            if (repeated[0] || page.rows() != pageSize) {
                return first.rest();
            }
        }
    }

    private SearchRows.Read streamPage(String query, List<String> selectList, int start, SearchRows.RowHandler handler)
            throws MasterException {
        String url = UriTemplate.expand(
                link("raw_search"),
                Map.of("query", query, "select_list", selectList, "limit", List.of(start, pageSize)));
        HttpAnswer answer = http.get(endpoint(), URI.create(url), Map.of(), Map.of("Cache-Control", "no-cache"));
        MasterHttp.requireSuccess(answer, "the search '" + query + "'");
        if (answer.looksLikeHtml()) {
            throw new MasterException.BadResponse(
                    answer.endpoint(),
                    answer.endpoint() + " answered an HTML page instead of HAL+JSON: " + answer.excerpt(),
                    null);
        }
        SearchRows.Read read;
        try {
            read = SearchRows.read(json, answer.body(), handler);
        } catch (IOException e) {
            throw new MasterException.BadResponse(
                    answer.endpoint(),
                    "The answer of " + answer.endpoint() + " is not valid HAL+JSON (truncated or corrupt): "
                            + answer.excerpt(),
                    e);
        }
        if (read.rows() < 0) {
            throw new MasterException.BadResponse(
                    base.toString(),
                    "The HATEOAS search at " + base + " answered JSON without _embedded.contents: " + answer.excerpt(),
                    null);
        }
        return read;
    }

    private SearchAnswer searchPage(String query, List<String> selectList, int start) throws MasterException {
        String template = link("raw_search");
        String url = UriTemplate.expand(
                template, Map.of("query", query, "select_list", selectList, "limit", List.of(start, pageSize)));
        JsonNode answer = getJson("the search '" + query + "'", URI.create(url), Map.of());
        JsonNode contents = answer.path("_embedded").path("contents");
        if (!contents.isArray()) {
            throw new MasterException.BadResponse(
                    base.toString(),
                    "The HATEOAS search at " + base + " answered JSON without _embedded.contents: " + excerpt(answer),
                    null);
        }
        List<JsonNode> rows = new ArrayList<>(contents.size());
        contents.forEach(rows::add);
        return new SearchAnswer(rows, answer);
    }

    /** {@code traverse} with {@code view=slaposjs_view}. */
    public Document traverse(String relativeUrl) throws MasterException {
        String url = UriTemplate.expand(link("traverse"), Map.of("relative_url", relativeUrl, "view", "slaposjs_view"));
        JsonNode answer = getJson(relativeUrl, URI.create(url), Map.of());
        JsonNode view = answer.path("_embedded").path("_view");
        if (!view.isObject()) {
            throw new MasterException.BadResponse(
                    base.toString(),
                    "The HATEOAS document " + relativeUrl + " from " + base + " has no _embedded._view.",
                    null);
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = view.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("my_") && e.getValue().isObject()) {
                fields.put(e.getKey().substring(3), e.getValue().path("default"));
            }
        }
        return new Document(answer.path("_links").path("type").path("name").asText(""), fields);
    }

    /** {@code service list}: rows with {@code title}, {@code url_string}, {@code relative_url}. */
    public List<JsonNode> serviceList() throws MasterException {
        // the requested state and type come with the list: an action offered on a service follows its state
        return search(SERVICE_QUERY, SERVICE_FIELDS);
    }

    /** {@code service info}: the Instance Tree document, or NotFound. */
    public Document serviceInfo(String title) throws MasterException {
        List<JsonNode> rows = search(SERVICE_QUERY + " AND title:=" + quote(title), List.of("title", "relative_url"));
        if (rows.isEmpty()) {
            throw new MasterException.NotFound(base.toString(), "The master has no service titled '" + title + "'.");
        }
        return traverse(rows.get(0).path("relative_url").asText());
    }

    /** {@code computer list}: rows with {@code title}, {@code reference}. */
    public List<JsonNode> computerList() throws MasterException {
        return search(COMPUTER_QUERY, List.of("title", "reference", "relative_url"));
    }

    /** {@code computer info}: the Compute Node document, or NotFound. */
    public Document computerInfo(String reference) throws MasterException {
        List<JsonNode> rows = search(
                COMPUTER_QUERY + " AND reference:=" + quote(reference), List.of("title", "reference", "relative_url"));
        if (rows.isEmpty()) {
            throw new MasterException.NotFound(
                    base.toString(), "The master has no node with reference '" + reference + "'.");
        }
        return traverse(rows.get(0).path("relative_url").asText());
    }

    /**
     * {@code computer token}: {@code <self>/computer_module/Base_getComputerToken}. Empty when the
     * master hands no tokens out here (no {@code self} link, 404, or the current master's 410).
     */
    public Optional<String> computerToken() throws MasterException {
        String self = root().path("_links").path("self").path("href").asText("");
        if (self.isEmpty()) {
            return Optional.empty();
        }
        URI uri = URI.create(self.endsWith("/") ? self : self + "/").resolve("computer_module/Base_getComputerToken");
        HttpAnswer answer = http.get(endpoint(), uri, Map.of(), Map.of("Cache-Control", "no-cache"));
        if (answer.status() == 404 || answer.status() == 410) {
            return Optional.empty();
        }
        MasterHttp.requireSuccess(answer, "a node token");
        String token = parse(answer).path("access_token").asText("");
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    private String link(String name) throws MasterException {
        JsonNode href = root().path("_links").path(name).path("href");
        if (!href.isTextual()) {
            throw new MasterException.BadResponse(
                    base.toString(),
                    "The HATEOAS root document at " + base + " has no " + name + " link: is master_rest_url right?",
                    null);
        }
        return href.asText();
    }

    private JsonNode getJson(String what, URI uri, Map<String, String> query) throws MasterException {
        HttpAnswer answer = http.get(endpoint(), uri, query, Map.of("Cache-Control", "no-cache"));
        MasterHttp.requireSuccess(answer, what);
        return parse(answer);
    }

    private JsonNode parse(HttpAnswer answer) throws MasterException {
        if (answer.looksLikeHtml()) {
            throw new MasterException.BadResponse(
                    answer.endpoint(),
                    answer.endpoint() + " answered an HTML page instead of HAL+JSON: " + answer.excerpt(),
                    null);
        }
        try {
            JsonNode node = json.readTree(answer.body());
            if (node == null || !node.isObject()) {
                throw new IOException("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new MasterException.BadResponse(
                    answer.endpoint(),
                    "The answer of " + answer.endpoint() + " is not valid HAL+JSON (truncated or corrupt): "
                            + answer.excerpt(),
                    e);
        }
    }

    private String endpoint() {
        return "HATEOAS at " + base;
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String excerpt(JsonNode node) {
        String s = node.toString();
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
}
