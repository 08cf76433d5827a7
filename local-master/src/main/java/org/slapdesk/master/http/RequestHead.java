package org.slapdesk.master.http;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slapdesk.master.RequestError;

/** A request line and its headers, read within {@link ConnectionLimits}' size bounds. */
record RequestHead(String method, String target, String version, Headers headers) {

    static final int MAX_REQUEST_LINE = 8 * 1024;

    /**
     * Reads one head. Returns null when the client closed the connection before sending anything
     * (the end of a kept-alive connection); refuses an oversized head with 414 or 431 and a
     * malformed one with 400.
     */
    static RequestHead read(InputStream in, ConnectionLimits limits) throws IOException {
        int[] budget = {limits.maxHeadBytes()};
        String line;
        do {
            line = line(in, budget, true);
            if (line == null) {
                return null;
            }
        } while (line.isEmpty()); // a stray CRLF between requests is tolerated
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || !parts[2].startsWith("HTTP/1.")) {
            throw RequestError.badRequest("malformed request line");
        }
        Headers headers = new Headers();
        int count = 0;
        while (true) {
            String header = line(in, budget, false);
            if (header.isEmpty()) {
                break;
            }
            if (++count > limits.maxHeaders()) {
                throw new RequestError(431, "more than " + limits.maxHeaders() + " request headers");
            }
            int colon = header.indexOf(':');
            if (colon <= 0
                    || Character.isWhitespace(header.charAt(colon - 1))
                    || Character.isWhitespace(header.charAt(0))) {
                throw RequestError.badRequest("malformed request header");
            }
            headers.add(header.substring(0, colon), header.substring(colon + 1).strip());
        }
        return new RequestHead(parts[0], parts[1], parts[2], headers);
    }

    boolean keepAlive() {
        String connection = headers.getFirst("Connection");
        String value = connection == null ? "" : connection.toLowerCase(Locale.ROOT);
        if ("HTTP/1.0".equals(version)) {
            return value.contains("keep-alive");
        }
        return !value.contains("close");
    }

    private static String line(InputStream in, int[] budget, boolean requestLine) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (requestLine && bytes.size() == 0) {
                    return null;
                }
                throw new EOFException("the client closed the connection inside a request head");
            }
            if (--budget[0] < 0) {
                throw requestLine
                        ? new RequestError(414, "the request line is over " + MAX_REQUEST_LINE + " bytes")
                        : new RequestError(431, "the request head is over the limit of its size");
            }
            if (b == '\n') {
                byte[] raw = bytes.toByteArray();
                int length = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
                return new String(raw, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (requestLine && bytes.size() >= MAX_REQUEST_LINE) {
                throw new RequestError(414, "the request line is over " + MAX_REQUEST_LINE + " bytes");
            }
            bytes.write(b);
        }
    }
}
