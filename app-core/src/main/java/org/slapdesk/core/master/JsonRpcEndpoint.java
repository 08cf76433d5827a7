package org.slapdesk.core.master;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slapdesk.core.master.MasterException.AuthenticationFailed.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON-RPC dialect ("slapos master api", docs/protocol.md, "JSON-RPC"): {@code POST <base>/slapos.<method>}
 * with a JSON object in and out. Errors come as {@code {status, type, title}}; a not-ready
 * instance comes as HTTP 200 with {@code status: 102}. A master without the API (404/405 and no
 * JSON error) gives {@link MasterException.Unsupported}, so callers can fall back to another dialect.
 * Given another place to look, the first such answer makes it try that place once; when the API
 * answers there, every later call goes there.
 */
public final class JsonRpcEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(JsonRpcEndpoint.class);

    private final MasterHttp http;
    private final ObjectMapper json = new ObjectMapper();
    private final Supplier<Optional<URI>> otherPlace;
    private volatile URI base;
    private boolean otherPlaceTried;

    public JsonRpcEndpoint(MasterHttp http, URI base) {
        this(http, base, Optional::empty);
    }

    /** An endpoint that looks at {@code otherPlace} (asked at most once) when {@code base} has no API. */
    public JsonRpcEndpoint(MasterHttp http, URI base, Supplier<Optional<URI>> otherPlace) {
        this.http = Objects.requireNonNull(http, "http");
        this.otherPlace = Objects.requireNonNull(otherPlace, "otherPlace");
        this.base = directory(base);
    }

    private static URI directory(URI url) {
        String text = url.toString();
        return URI.create(text.endsWith("/") ? text : text + "/");
    }

    public URI base() {
        return base;
    }

    /** Calls {@code slapos.<method>} (the prefix may be given or not) with a JSON object. */
    public JsonNode call(String method, Map<String, ?> params) throws MasterException {
        try {
            return callAt(base, method, params);
        } catch (MasterException.Unsupported unsupported) {
            Optional<URI> other = otherPlaceOnce();
            if (other.isEmpty()) {
                throw unsupported;
            }
            try {
                JsonNode answer = callAt(other.get(), method, params);
                moveTo(other.get());
                return answer;
            } catch (MasterException.Unsupported | MasterException.Unreachable | MasterException.BadResponse e) {
                LOG.debug("no JSON-RPC API at {} either: {}", other.get(), e.getMessage());
                throw unsupported;
            } catch (MasterException e) {
                // an error in the API's own words: the API is there
                moveTo(other.get());
                throw e;
            }
        }
    }

    private synchronized Optional<URI> otherPlaceOnce() {
        if (otherPlaceTried) {
            return Optional.empty();
        }
        otherPlaceTried = true;
        return otherPlace.get().map(JsonRpcEndpoint::directory).filter(other -> !other.equals(base));
    }

    private void moveTo(URI other) {
        LOG.info("the master's JSON-RPC API is at {}, not {}: calling it there from now on", other, base);
        base = other;
    }

    private JsonNode callAt(URI at, String method, Map<String, ?> params) throws MasterException {
        String name = method.startsWith("slapos.") ? method : "slapos." + method;
        String where = at.resolve(name).toString();
        byte[] body;
        try {
            body = json.writeValueAsBytes(params);
        } catch (JsonProcessingException e) {
            throw new MasterException.InvalidRequest(
                    where, "The parameters of " + name + " cannot be written as JSON: " + e.getOriginalMessage());
        }
        HttpAnswer answer = http.postJson(where, at.resolve(name), body);
        JsonNode document = parseOrNull(answer);
        if (answer.status() >= 200 && answer.status() < 300) {
            if (document == null) {
                String why = answer.looksLikeHtml() ? "an HTML page" : "something that is not a JSON object";
                throw new MasterException.BadResponse(
                        where, where + " answered " + why + " instead of JSON: " + answer.excerpt(), null);
            }
            int status = document.path("status").asInt(0);
            if (status == 102) {
                throw new MasterException.NotReady(
                        where,
                        "The master is not ready yet (" + where + ": "
                                + document.path("message").asText("Software Instance Not Ready")
                                + "): the instance waits for a partition; try again later.");
            }
            if (status >= 400
                    && document.has("title")
                    && document.has("type")
                    && !"success".equals(document.path("type").asText())) {
                throw error(where, status, document);
            }
            return document;
        }
        if (document == null || !document.has("status")) {
            if (answer.status() == 404 || answer.status() == 405) {
                throw new MasterException.Unsupported(
                        where,
                        "The master at " + at + " does not offer the JSON-RPC method " + name + " (HTTP "
                                + answer.status() + ").");
            }
            MasterHttp.requireSuccess(answer, name);
        }
        throw error(where, answer.status(), document);
    }

    private MasterException error(String where, int status, JsonNode document) {
        String title = document.path("title").asText("");
        String type = document.path("type").asText("");
        String detail = title.isEmpty() ? type : title;
        String lower = (type + " " + title).toLowerCase(Locale.ROOT);
        boolean notFound = lower.contains("not-found")
                || lower.contains("not found")
                || lower.contains("not registered")
                || lower.matches("(?s).*\\bno\\b.*\\bfound\\b.*");
        if (status == 404 || notFound) {
            return new MasterException.NotFound(
                    where, "The master does not know this object (" + where + ": " + detail + ").");
        }
        return switch (status) {
            case 400, 422 ->
                new MasterException.InvalidRequest(
                        where, "The master rejected the call as invalid (" + where + ": " + detail + ").");
            case 401, 403 ->
                new MasterException.AuthenticationFailed(
                        where,
                        Reason.REFUSED,
                        "The master refused the call (" + where + ": " + detail
                                + "): the certificate is not allowed to do this.",
                        null);
            case 408 ->
                new MasterException.NotReady(where, "The master is not ready yet (" + where + ": " + detail + ").");
            case 503 -> new MasterException.Busy(where, "The master is busy (" + where + "); try again in a moment.");
            default ->
                new MasterException.BadResponse(
                        where,
                        "The master failed on the call (" + where + ", status " + status + ": " + detail + ").",
                        null);
        };
    }

    private JsonNode parseOrNull(HttpAnswer answer) {
        if (answer.body().length == 0 || answer.looksLikeHtml()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(answer.body());
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ the methods the console needs

    /** {@code allDocs.v0.instance_tree_list}: the titles of every service. */
    public List<String> instanceTreeList() throws MasterException {
        List<String> titles = new ArrayList<>();
        for (JsonNode row : resultList("allDocs.v0.instance_tree_list", Map.of())) {
            titles.add(row.path("title").asText());
        }
        return titles;
    }

    /** {@code get.v0.instance_tree}: the root instance document of a service. */
    public JsonNode instanceTree(String title) throws MasterException {
        return call("get.v0.instance_tree", Map.of("title", title));
    }

    public JsonNode softwareInstance(String instanceGuid) throws MasterException {
        return call("get.v0.software_instance", Map.of("instance_guid", instanceGuid));
    }

    /** {@code allDocs.v0.compute_node_instance_list}: the busy partitions of a node. */
    public List<JsonNode> computeNodeInstanceList(String computerGuid) throws MasterException {
        return resultList("allDocs.v0.compute_node_instance_list", Map.of("computer_guid", computerGuid));
    }

    /** {@code allDocs.v0.compute_node_software_installation_list}: what is supplied to a node. */
    public List<JsonNode> softwareInstallationList(String computerGuid) throws MasterException {
        return resultList("allDocs.v0.compute_node_software_installation_list", Map.of("computer_guid", computerGuid));
    }

    /** {@code allDocs.v0.instance_node_instance_list}: the shared instances an instance hosts. */
    public List<JsonNode> hostedInstanceList(String instanceGuid) throws MasterException {
        return resultList("allDocs.v0.instance_node_instance_list", Map.of("instance_guid", instanceGuid));
    }

    /** {@code allDocs.WIP.compute_node_list} (slapproxy's experimental API): node references. */
    public List<String> computeNodeList() throws MasterException {
        List<String> out = new ArrayList<>();
        for (JsonNode row : resultList("allDocs.WIP.compute_node_list", Map.of())) {
            out.add(row.path("computer_guid").asText());
        }
        return out;
    }

    /** {@code post.v0.software_installation}: supply ({@code available}) or remove ({@code destroyed}). */
    public JsonNode postSoftwareInstallation(String computerGuid, String softwareReleaseUri, String state)
            throws MasterException {
        return call(
                "post.v0.software_installation",
                Map.of("computer_guid", computerGuid, "software_release_uri", softwareReleaseUri, "state", state));
    }

    /** {@code post.v0.software_instance}: request an instance; NotReady while it is not allocated. */
    public JsonNode postSoftwareInstance(
            String title,
            String softwareReleaseUri,
            String softwareType,
            Map<String, ?> parameters,
            Map<String, ?> sla,
            boolean shared,
            String state)
            throws MasterException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("title", title);
        params.put("software_release_uri", softwareReleaseUri);
        params.put("software_type", softwareType);
        params.put("parameters", parameters);
        params.put("sla_parameters", sla);
        params.put("shared", shared);
        params.put("state", state);
        return call("post.v0.software_instance", params);
    }

    /** {@code get.v0.compute_node_status}: {@code {text}}. */
    public JsonNode computeNodeStatus(String computerGuid) throws MasterException {
        return call("get.v0.compute_node_status", Map.of("computer_guid", computerGuid));
    }

    public String hateoasUrl() throws MasterException {
        return call("get.v0.hateoas_url", Map.of()).path("hateoas_url").asText("");
    }

    private List<JsonNode> resultList(String method, Map<String, ?> params) throws MasterException {
        JsonNode answer = call(method, params);
        JsonNode list = answer.path("result_list");
        if (!list.isArray()) {
            throw new MasterException.BadResponse(
                    base.resolve("slapos." + method).toString(),
                    base.resolve("slapos." + method) + " answered JSON without a result_list.",
                    null);
        }
        List<JsonNode> rows = new ArrayList<>();
        list.forEach(rows::add);
        return rows;
    }
}
