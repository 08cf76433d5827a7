package org.slapdesk.core.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * What a release's {@code software.cfg.json} says about its parameters, read from its text (no
 * download here): the serialisation per software type and the URLs of the request and
 * response schemas, with the rules of slapos.util's {@code SoftwareReleaseSchema}.
 */
public final class SoftwareReleaseSchema {

    public enum Serialisation {
        XML("xml"),
        JSON_IN_XML("json-in-xml");

        private final String wireName;

        Serialisation(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        static Optional<Serialisation> of(JsonNode node) {
            if (node == null || !node.isTextual()) {
                return Optional.empty();
            }
            for (Serialisation s : values()) {
                if (s.wireName.equals(node.asText())) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    public static final String DEFAULT_SOFTWARE_TYPE = "default";
    private static final String OLD_DEFAULT_SOFTWARE_TYPE = "RootSoftwareInstance";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String softwareUrl;
    private final String softwareType;
    private final JsonNode schema;

    private SoftwareReleaseSchema(String softwareUrl, String softwareType, JsonNode schema) {
        this.softwareUrl = softwareUrl;
        this.softwareType = softwareType;
        this.schema = schema;
    }

    /**
     * @param softwareUrl the release URL (the schema is at {@code softwareUrl + ".json"})
     * @param softwareType null, "RootSoftwareInstance" and "default" all mean the default type
     * @param schemaJson the text of the {@code .json}, or empty when there is none
     */
    public static SoftwareReleaseSchema of(String softwareUrl, String softwareType, Optional<String> schemaJson)
            throws MarshalException {
        String type = canonicalSoftwareType(softwareType);
        JsonNode schema = null;
        if (schemaJson.isPresent()) {
            try {
                schema = JSON.readTree(schemaJson.get());
            } catch (IOException e) {
                throw new MarshalException(
                        "the software release schema " + softwareUrl + ".json is not valid JSON: " + e.getMessage(), e);
            }
        }
        return new SoftwareReleaseSchema(softwareUrl, type, schema);
    }

    /** The software type as the release's schema names it: null, "" and "RootSoftwareInstance" are "default". */
    public static String canonicalSoftwareType(String softwareType) {
        return softwareType == null || softwareType.isEmpty() || softwareType.equals(OLD_DEFAULT_SOFTWARE_TYPE)
                ? DEFAULT_SOFTWARE_TYPE
                : softwareType;
    }

    public String softwareType() {
        return softwareType;
    }

    /** The {@code software-type.<type>} entry, when the schema has one. */
    public Optional<JsonNode> softwareTypeSchema() {
        if (schema == null) {
            return Optional.empty();
        }
        JsonNode entry = schema.path("software-type").path(softwareType);
        return entry.isObject() ? Optional.of(entry) : Optional.empty();
    }

    /**
     * {@code getSerialisation(strict=False)}: the type's serialisation, else the release's,
     * else JSON-in-XML (also when there is no schema or the value is unknown).
     */
    public Serialisation serialisation() {
        return declaredSerialisation().orElse(Serialisation.JSON_IN_XML);
    }

    /** {@code getSerialisation(strict=True)}: a missing or unknown value is an error. */
    public Serialisation strictSerialisation() throws MarshalException {
        return declaredSerialisation()
                .orElseThrow(() -> new MarshalException("the software release "
                        + softwareUrl + " declares no valid \"serialisation\" (xml or json-in-xml) for software type "
                        + softwareType + "; use --force-serialisation"));
    }

    private Optional<Serialisation> declaredSerialisation() {
        Optional<JsonNode> typeSchema = softwareTypeSchema();
        JsonNode source = typeSchema.filter(t -> t.has("serialisation")).orElse(schema);
        return source == null ? Optional.empty() : Serialisation.of(source.get("serialisation"));
    }

    /** The instance parameter schema's URL, resolved against the release URL. */
    public Optional<URI> requestSchemaUrl() {
        return relative("request");
    }

    /** The connection parameter schema's URL, resolved against the release URL. */
    public Optional<URI> responseSchemaUrl() {
        return relative("response");
    }

    private Optional<URI> relative(String field) {
        return softwareTypeSchema()
                .map(t -> t.get(field))
                .filter(JsonNode::isTextual)
                .map(n -> URI.create(softwareUrl).resolve(n.asText()));
    }
}
