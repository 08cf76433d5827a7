package org.slapdesk.master.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.slapdesk.master.RequestError;

/** Reads a request body (Content-Length or chunked) into memory, refusing it past the size limit. */
final class RequestBody {

    private RequestBody() {}

    /**
     * The declared length: -1 for chunked, 0 for none. Refuses both framings at once (a request
     * smuggling vector), an unreadable length, another transfer coding, and a length over
     * {@code limit} (413, before any body byte is read or any 100 Continue is sent).
     */
    static long declaredLength(RequestHead head, int limit) {
        String encoding = head.headers().getFirst("Transfer-Encoding");
        String length = head.headers().getFirst("Content-Length");
        if (encoding != null) {
            if (length != null) {
                throw RequestError.badRequest("both Content-Length and Transfer-Encoding");
            }
            if (!"chunked".equals(encoding.strip().toLowerCase(Locale.ROOT))) {
                throw new RequestError(501, "unsupported Transfer-Encoding " + encoding);
            }
            return -1;
        }
        if (length == null) {
            return 0;
        }
        if (head.headers().get("Content-Length").size() > 1 || !length.strip().matches("[0-9]{1,18}")) {
            throw RequestError.badRequest("Content-Length is not one number");
        }
        long declared = Long.parseLong(length.strip());
        if (declared > limit) {
            throw RequestError.tooLarge(
                    "request body of " + declared + " bytes is over the limit of " + limit + " bytes");
        }
        return declared;
    }

    static byte[] read(InputStream in, long declared, int limit) throws IOException {
        if (declared >= 0) {
            byte[] body = in.readNBytes((int) declared);
            if (body.length < declared) {
                throw new EOFException("the client closed the connection inside a request body");
            }
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = chunkLine(in);
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip();
            if (!hex.matches("[0-9A-Fa-f]{1,8}")) {
                throw RequestError.badRequest("malformed chunk size");
            }
            long size = Long.parseLong(hex, 16);
            if (size == 0) {
                while (!chunkLine(in).isEmpty()) {
                    // trailers are ignored
                }
                return out.toByteArray();
            }
            if (out.size() + size > limit) {
                throw RequestError.tooLarge("request body is over the limit of " + limit + " bytes");
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length < size) {
                throw new EOFException("the client closed the connection inside a chunk");
            }
            out.write(chunk);
            if (!chunkLine(in).isEmpty()) {
                throw RequestError.badRequest("malformed chunk end");
            }
        }
    }

    private static String chunkLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the client closed the connection inside a chunked body");
            }
            if (b == '\n') {
                int end =
                        line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1 : line.length();
                return line.substring(0, end);
            }
            if (line.length() > 1024) {
                throw RequestError.badRequest("chunk line too long");
            }
            line.append((char) b);
        }
    }
}
