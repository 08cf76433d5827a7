package org.slapdesk.gui.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads a release's {@code software.cfg.json} (next to its {@code software.cfg}) and the request
 * schema of a software type with every {@code $ref} resolved, relative ones against the document
 * that holds them (docs/protocol.md, "Software release schemas"). Blocking: run it in a background task.
 */
public final class SchemaLoader {

    private static final int MAX_DEPTH = 40;

    private final SchemaFetcher fetcher;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<URI, JsonNode> documents = new HashMap<>();

    public SchemaLoader(SchemaFetcher fetcher) {
        this.fetcher = fetcher;
    }

    public static URI schemaLocation(String releaseUrl) throws SchemaException {
        String trimmed = releaseUrl.trim();
        if (trimmed.startsWith("/")) {
            // slapos accepts a local path as a release "URL"
            return Path.of(trimmed + ".json").toUri();
        }
        try {
            return new URI(releaseUrl.trim() + ".json");
        } catch (URISyntaxException e) {
            throw new SchemaException("the release URL '" + releaseUrl + "' is not a valid URL: " + e.getMessage(), e);
        }
    }

    public ReleaseSchema release(String releaseUrl) throws SchemaException {
        URI location = schemaLocation(releaseUrl);
        JsonNode root = document(location);
        String serialisation = root.path("serialisation").asText("xml");
        JsonNode typeMap = root.path("software-type");
        if (!typeMap.isObject()) {
            throw new SchemaException(location + " has no 'software-type' map");
        }
        List<SoftwareTypeEntry> types = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : typeMap.properties()) {
            JsonNode entry = field.getValue();
            Optional<URI> request = entry.hasNonNull("request")
                    ? Optional.of(location.resolve(entry.get("request").asText()))
                    : Optional.empty();
            types.add(new SoftwareTypeEntry(
                    field.getKey(),
                    entry.path("title").asText(field.getKey()),
                    entry.path("description").asText(""),
                    entry.path("software-type").asText(field.getKey()),
                    entry.path("shared").asBoolean(false),
                    entry.path("index").asInt(Integer.MAX_VALUE),
                    request,
                    "json-in-xml".equals(entry.path("serialisation").asText(serialisation))));
        }
        types.sort(Comparator.comparingInt(SoftwareTypeEntry::index).thenComparing(SoftwareTypeEntry::key));
        return new ReleaseSchema(
                location, root.path("name").asText(""), root.path("description").asText(""), types);
    }

    /** The type's request schema with every {@code $ref} replaced by what it points to. */
    public JsonNode requestSchema(SoftwareTypeEntry type) throws SchemaException {
        if (type.requestSchema().isEmpty()) {
            throw new SchemaException("the software type '" + type.key() + "' declares no request schema");
        }
        URI uri = type.requestSchema().get();
        JsonNode target = resolve(withoutFragment(uri), uri.getFragment());
        return dereference(target, withoutFragment(uri), 0);
    }

    private JsonNode dereference(JsonNode node, URI base, int depth) throws SchemaException {
        if (depth > MAX_DEPTH) {
            throw new SchemaException("the schema at " + base + " nests $refs deeper than " + MAX_DEPTH
                    + " levels (a recursive schema?)");
        }
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                URI refUri = base.resolve(ref.asText());
                URI document = withoutFragment(refUri);
                JsonNode target = dereference(resolve(document, refUri.getFragment()), document, depth + 1);
                if (node.size() == 1 || !target.isObject()) {
                    return target;
                }
                ObjectNode merged = ((ObjectNode) target).deepCopy();
                for (Map.Entry<String, JsonNode> sibling : node.properties()) {
                    if (!"$ref".equals(sibling.getKey())) {
                        merged.set(sibling.getKey(), dereference(sibling.getValue(), base, depth + 1));
                    }
                }
                return merged;
            }
            ObjectNode copy = json.createObjectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(field.getKey(), dereference(field.getValue(), base, depth + 1));
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = json.createArrayNode();
            for (JsonNode item : node) {
                copy.add(dereference(item, base, depth + 1));
            }
            return copy;
        }
        return node;
    }

    private JsonNode resolve(URI document, String fragment) throws SchemaException {
        JsonNode root = document(document);
        if (fragment == null || fragment.isEmpty()) {
            return root;
        }
        JsonNode target = root.at(fragment.startsWith("/") ? fragment : "/" + fragment);
        if (target.isMissingNode()) {
            throw new SchemaException("the $ref '#" + fragment + "' points to nothing in " + document);
        }
        return target;
    }

    private JsonNode document(URI uri) throws SchemaException {
        JsonNode cached = documents.get(uri);
        if (cached != null) {
            return cached;
        }
        String text = fetcher.fetch(uri);
        try {
            JsonNode parsed = json.readTree(text);
            if (parsed == null || !parsed.isObject()) {
                throw new SchemaException(uri + " is not a JSON object");
            }
            documents.put(uri, parsed);
            return parsed;
        } catch (JsonProcessingException e) {
            throw new SchemaException(
                    uri + " is not valid JSON: " + e.getOriginalMessage() + " (line "
                            + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")",
                    e);
        }
    }

    private static URI withoutFragment(URI uri) throws SchemaException {
        try {
            return new URI(uri.getScheme(), uri.getSchemeSpecificPart(), null);
        } catch (URISyntaxException e) {
            throw new SchemaException("'" + uri + "' is not a valid URL", e);
        }
    }
}
