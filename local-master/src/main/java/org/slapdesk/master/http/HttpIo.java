package org.slapdesk.master.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slapdesk.master.RequestError;

/** Reading bounded request bodies and forms, writing answers. */
public final class HttpIo {

    private HttpIo() {}

    /** The body, refused with 413 past {@code limit} bytes (declared or actually sent). */
    public static byte[] body(HttpExchange exchange, int limit) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw RequestError.badRequest("Content-Length is not a number: " + declared);
            }
            if (length > limit) {
                throw RequestError.tooLarge(
                        "request body of " + length + " bytes is over the limit of " + limit + " bytes");
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        // not closed here: closing gives up on the rest of an oversized body, and the client
        // would get a reset instead of our 413 (the exchange is closed after the answer)
        InputStream in = exchange.getRequestBody();
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (out.size() + n > limit) {
                throw RequestError.tooLarge("request body is over the limit of " + limit + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The query string of a GET, or the url-encoded form of a POST, as a map (last value wins). */
    public static Map<String, String> parameters(HttpExchange exchange, int limit) throws IOException {
        Map<String, String> result = new LinkedHashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            decodeInto(query, result);
        }
        if ("POST".equals(exchange.getRequestMethod())) {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            byte[] body = body(exchange, limit);
            if (body.length > 0) {
                if (type != null && !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
                    throw RequestError.badRequest("expected an application/x-www-form-urlencoded form, got " + type);
                }
                decodeInto(new String(body, StandardCharsets.ISO_8859_1), result);
            }
        }
        return result;
    }

    /** Decodes a url-encoded form; a field that is not UTF-8 is refused (400), never stored with U+FFFD. */
    static void decodeInto(String encoded, Map<String, String> into) {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = FormField.decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : FormField.decode(pair.substring(eq + 1));
            into.put(key, value);
        }
    }

    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public static void text(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public static void xml(HttpExchange exchange, String xml) throws IOException {
        send(exchange, 200, "text/xml; charset=utf-8", xml.getBytes(StandardCharsets.UTF_8));
    }

    /** The base URL the client reached us at ({@code Host} header), so links work on any address. */
    public static String baseUrl(HttpExchange exchange, String fallback) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || host.isBlank() || !host.matches("[A-Za-z0-9.\\-:\\[\\]]+")) {
            return fallback;
        }
        String scheme = exchange instanceof HttpsExchange https && https.getSSLSession() != null ? "https" : "http";
        return scheme + "://" + host + "/";
    }
}
