package org.slapdesk.core.master;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** One HTTP answer, read whole: status, content type and body. */
public record HttpAnswer(String endpoint, int status, String contentType, byte[] body) {

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** True when the body is an HTML page (an error page from a proxy or a login form). */
    public boolean looksLikeHtml() {
        // the start is enough: decoding a whole 30 MB search answer to look at it cost a copy
        String start = new String(body, 0, Math.min(body.length, 512), StandardCharsets.UTF_8).stripLeading();
        String head = start.substring(0, Math.min(start.length(), 64)).toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html")
                || head.startsWith("<html")
                || head.startsWith("<head")
                || head.startsWith("<body")
                || head.startsWith("<title");
    }

    /** The start of the body, for messages. */
    public String excerpt() {
        String t = text().strip().replaceAll("\\s+", " ");
        return t.length() <= 120 ? t : t.substring(0, 117) + "...";
    }
}
