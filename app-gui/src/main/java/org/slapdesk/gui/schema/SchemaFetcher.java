package org.slapdesk.gui.schema;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** Reads a schema document from a {@code file:} or {@code http(s):} URL. Blocking: never on the FX thread. */
public class SchemaFetcher {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_BYTES = 4 * 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    public String fetch(URI uri) throws SchemaException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        try {
            switch (scheme) {
                case "file": {
                    Path path = Path.of(uri);
                    if (Files.size(path) > MAX_BYTES) {
                        throw new SchemaException(uri + " is larger than 4 MB: not a schema");
                    }
                    return Files.readString(path, StandardCharsets.UTF_8);
                }
                case "http":
                case "https": {
                    HttpRequest request =
                            HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new SchemaException(uri + " answered HTTP " + response.statusCode());
                    }
                    return response.body();
                }
                default:
                    throw new SchemaException(
                            "cannot read a schema from '" + uri + "': only file:, http: and https: URLs are supported");
            }
        } catch (IOException e) {
            throw new SchemaException("cannot read " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaException("reading " + uri + " was interrupted", e);
        } catch (IllegalArgumentException e) {
            throw new SchemaException("'" + uri + "' is not a usable URL: " + e.getMessage(), e);
        }
    }
}
