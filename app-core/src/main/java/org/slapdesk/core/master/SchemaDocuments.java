package org.slapdesk.core.master;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the JSON documents of a release's schema (its {@code software.cfg.json} and what that
 * refers to) from {@code http(s):} URLs through the master's transport, so the profile's pinned
 * CA and client certificate apply, or from {@code file:} URLs. Each document is read once, at
 * most {@link #MAX_BYTES}; every failure says which document, what went wrong and what to do.
 */
final class SchemaDocuments {

    static final int MAX_BYTES = 4 * 1024 * 1024;

    private final MasterHttp http;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<URI, JsonNode> parsed = new HashMap<>();

    SchemaDocuments(MasterHttp http) {
        this.http = http;
    }

    /** The document as a JSON object; a missing one is an error. */
    JsonNode object(URI uri) throws MasterException {
        JsonNode cached = parsed.get(uri);
        if (cached != null) {
            return cached;
        }
        String text = text(uri)
                .orElseThrow(() -> new MasterException.NotFound(
                        uri.toString(),
                        "There is no schema document at " + uri
                                + ": check the release URL; without a schema, enter the parameters as raw JSON"
                                + " or XML."));
        JsonNode document = parse(uri, text);
        parsed.put(uri, document);
        return document;
    }

    /** The document's text, or empty when there is none (HTTP 404, no such file). */
    Optional<String> text(URI uri) throws MasterException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "http", "https" -> download(uri);
            case "file" -> readFile(uri);
            default ->
                throw new MasterException.InvalidRequest(
                        uri.toString(),
                        "Cannot read the schema document " + uri
                                + ": only http:, https: and file: URLs (or a local path) can be read.");
        };
    }

    JsonNode parse(URI uri, String text) throws MasterException {
        JsonNode document;
        try {
            document = json.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new MasterException.BadResponse(
                    uri.toString(),
                    "The schema document " + uri + " is not valid JSON (" + shortReason(e) + where
                            + "): the release's author must fix it; meanwhile enter the parameters as raw JSON"
                            + " or XML.",
                    e);
        }
        if (document == null || !document.isObject()) {
            throw new MasterException.BadResponse(
                    uri.toString(),
                    "The schema document " + uri + " is not a JSON object"
                            + (document == null ? " (it is empty)" : "")
                            + ": is the URL right?",
                    null);
        }
        return document;
    }

    private Optional<String> download(URI uri) throws MasterException {
        HttpAnswer answer;
        try {
            answer = http.get(uri.toString(), uri, Map.of(), Map.of("Accept", "application/json, */*"));
        } catch (MasterException e) {
            throw SchemaFailures.fetching(uri, e);
        }
        int status = answer.status();
        if (status == 404 || status == 410) {
            return Optional.empty();
        }
        if (status == 401 || status == 403) {
            throw new MasterException.AuthenticationFailed(
                    uri.toString(),
                    MasterException.AuthenticationFailed.Reason.REFUSED,
                    "Cannot read the schema document " + uri + ": the server refused it (HTTP " + status
                            + "); the profile's client certificate is not allowed to read it.",
                    null);
        }
        if (status < 200 || status >= 300) {
            throw new MasterException.BadResponse(
                    uri.toString(),
                    "Cannot read the schema document " + uri + ": the server answered HTTP " + status
                            + "; check the release URL, or try again later.",
                    null);
        }
        if (answer.body().length > MAX_BYTES) {
            throw tooLarge(uri);
        }
        return Optional.of(answer.text());
    }

    private static Optional<String> readFile(URI uri) throws MasterException {
        Path file;
        try {
            file = Path.of(uri);
        } catch (IllegalArgumentException e) {
            throw new MasterException.InvalidRequest(
                    uri.toString(), "The schema URL " + uri + " is not a usable file URL (" + e.getMessage() + ").");
        }
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            if (Files.size(file) > MAX_BYTES) {
                throw tooLarge(uri);
            }
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new MasterException.InvalidRequest(
                    uri.toString(),
                    "Cannot read the schema document " + file + " (" + SchemaFailures.describe(e)
                            + "): check that the file is readable.");
        }
    }

    private static MasterException tooLarge(URI uri) {
        return new MasterException.BadResponse(
                uri.toString(),
                "The schema document " + uri + " is larger than " + MAX_BYTES / (1024 * 1024)
                        + " MiB, which no parameter schema is: refused. Check the release URL.",
                null);
    }

    /** Jackson's first sentence, without its dump of the source. */
    private static String shortReason(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        int cut = message.length();
        for (String end : new String[] {"\n", " (", ": was expecting", " at [Source"}) {
            int at = message.indexOf(end);
            if (at > 0 && at < cut) {
                cut = at;
            }
        }
        return message.substring(0, cut).toLowerCase(Locale.ROOT);
    }
}
