package org.slapdesk.core.master;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slapdesk.core.wire.MarshalException;
import org.slapdesk.core.wire.SoftwareReleaseSchema;

/**
 * Loads a release's {@code software.cfg.json} (next to its {@code software.cfg}) and the request
 * schema of a software type with every {@code $ref} resolved, relative ones against the document
 * that holds them (docs/protocol.md, "Software release schemas"). The one reader of these files, for the window and the command
 * line: documents come through the master's transport ({@link SchemaDocuments}). One loader per
 * release being looked at (it keeps what it read); blocking: run it in a background task.
 */
public final class ReleaseSchemaLoader {

    private static final int MAX_DEPTH = 40;

    private final SchemaDocuments documents;
    private final ObjectMapper json = new ObjectMapper();

    /** Reads through {@code http}: the transport of the profile's master client. */
    public ReleaseSchemaLoader(MasterHttp http) {
        this.documents = new SchemaDocuments(http);
    }

    /** Where a release's {@code software.cfg.json} is: beside it ({@code <release URL>.json}). */
    public static URI schemaLocation(String releaseUrl) throws MasterException {
        if (releaseUrl == null || releaseUrl.isBlank()) {
            throw new MasterException.InvalidRequest("", "The release URL is empty: give one.");
        }
        String trimmed = releaseUrl.trim();
        if (trimmed.startsWith("/")) {
            // slapos accepts a local path as a release "URL"
            return Path.of(trimmed + ".json").toUri();
        }
        try {
            return new URI(trimmed + ".json");
        } catch (URISyntaxException e) {
            throw new MasterException.InvalidRequest(
                    trimmed, "The release URL '" + trimmed + "' is not a valid URL (" + e.getReason() + ").");
        }
    }

    /** The release's software types; a release without a {@code software.cfg.json} is an error here. */
    public ReleaseSchema release(String releaseUrl) throws MasterException {
        URI location = schemaLocation(releaseUrl);
        JsonNode root = documents.object(location);
        String serialisation = root.path("serialisation").asText("xml");
        JsonNode typeMap = root.path("software-type");
        if (!typeMap.isObject()) {
            throw new MasterException.BadResponse(
                    location.toString(),
                    "The release schema " + location
                            + " has no 'software-type' map, so it offers no form: enter the parameters as raw JSON"
                            + " or XML.",
                    null);
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
    public JsonNode requestSchema(SoftwareTypeEntry type) throws MasterException {
        if (type.requestSchema().isEmpty()) {
            throw new MasterException.NotFound(
                    type.key(),
                    "The software type '" + type.key()
                            + "' declares no request schema: enter its parameters as raw JSON or XML.");
        }
        URI uri = type.requestSchema().get();
        JsonNode target = resolve(withoutFragment(uri), uri.getFragment());
        return dereference(target, withoutFragment(uri), 0);
    }

    /**
     * What the command line needs (serialisation, schema URLs), as the slapos client reads it: a
     * release without a {@code .json} gives a schema without content.
     */
    public SoftwareReleaseSchema softwareReleaseSchema(String releaseUrl, String softwareType) throws MasterException {
        URI location = schemaLocation(releaseUrl);
        Optional<String> text = documents.text(location);
        if (text.isPresent()) {
            documents.parse(location, text.get());
        }
        try {
            return SoftwareReleaseSchema.of(releaseUrl.trim(), softwareType, text);
        } catch (MarshalException e) {
            throw new MasterException.BadResponse(location.toString(), e.getMessage(), e);
        }
    }

    private JsonNode dereference(JsonNode node, URI base, int depth) throws MasterException {
        if (depth > MAX_DEPTH) {
            throw new MasterException.BadResponse(
                    base.toString(),
                    "The schema at " + base + " nests $refs deeper than " + MAX_DEPTH
                            + " levels (a recursive schema?): enter the parameters as raw JSON or XML.",
                    null);
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

    private JsonNode resolve(URI document, String fragment) throws MasterException {
        JsonNode root = documents.object(document);
        if (fragment == null || fragment.isEmpty()) {
            return root;
        }
        JsonNode target = root.at(fragment.startsWith("/") ? fragment : "/" + fragment);
        if (target.isMissingNode()) {
            throw new MasterException.BadResponse(
                    document.toString(),
                    "The $ref '#" + fragment + "' points to nothing in " + document
                            + ": the release's schema is broken; enter the parameters as raw JSON or XML.",
                    null);
        }
        return target;
    }

    private static URI withoutFragment(URI uri) throws MasterException {
        try {
            return new URI(uri.getScheme(), uri.getSchemeSpecificPart(), null);
        } catch (URISyntaxException e) {
            throw new MasterException.InvalidRequest(
                    uri.toString(), "The schema URL '" + uri + "' is not valid (" + e.getReason() + ").");
        }
    }
}
