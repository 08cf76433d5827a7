package org.slapdesk.core.wire;

import java.util.Map;
import java.util.Optional;

/**
 * The JSON-in-XML serialisation (docs/protocol.md, "JSON-in-XML"): all parameters as one string under the key
 * {@code _}, written as slapos' client writes it, {@code {'_': json.dumps(params, indent=2)}}.
 */
public final class JsonInXml {

    public static final String KEY = "_";

    private JsonInXml() {}

    /**
     * The single-key dict slapos request sends for a json-in-xml release. Like the client, a
     * dict that already is {@code {'_': …}} is passed through unchanged.
     */
    public static Map<String, Object> wrap(Map<String, ?> parameters) {
        if (isJsonInXml(parameters)) {
            return Map.of(KEY, parameters.get(KEY));
        }
        return Map.of(KEY, PythonJson.dumps(parameters, 2));
    }

    /** True when the parameters are exactly one {@code _} key (the client's test). */
    public static boolean isJsonInXml(Map<String, ?> parameters) {
        return parameters.size() == 1 && parameters.containsKey(KEY);
    }

    /**
     * The parameters inside a {@code _} key, decoded as {@code json.loads} does, or empty when
     * the dict has no {@code _} (as {@code slapos service info} leaves such a dict as it is).
     */
    public static Optional<Object> unwrap(Map<String, ?> parameters) throws MarshalException {
        Object json = parameters.get(KEY);
        if (json == null) {
            return Optional.empty();
        }
        if (!(json instanceof String s)) {
            throw new MarshalException(
                    "the '_' parameter holds a " + json.getClass().getSimpleName() + ", not a JSON string");
        }
        try {
            return Optional.ofNullable(PythonJson.loads(s));
        } catch (MarshalException e) {
            throw new MarshalException("the '_' parameter is not valid JSON: " + e.getMessage(), e);
        }
    }
}
