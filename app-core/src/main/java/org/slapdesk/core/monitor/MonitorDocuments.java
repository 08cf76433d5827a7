package org.slapdesk.core.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slapdesk.core.wire.MarshalException;
import org.slapdesk.core.wire.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Parses the monitor stack's documents: the OPML feed list, an RSS feed, a promise's status and history. */
final class MonitorDocuments {

    /** One monitored instance the OPML lists: its title and its monitor base URL. */
    record Feed(String title, URI base) {}

    /** One RSS item: a promise's name, status, message and date as the feed gives them. */
    record Item(String name, PromiseStatus status, String message, Optional<Instant> date) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STATUS_TITLE = Pattern.compile("^\\s*\\[([A-Za-z]+)]\\s*(.+?)\\s*$");
    private static final String PUBLIC_FEED = "/public/feed";
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private MonitorDocuments() {}

    static List<Feed> opml(byte[] xml, int maxFeeds) throws MonitorReadException {
        Document doc = xml(xml, "feed list (OPML)");
        List<Feed> out = new ArrayList<>();
        NodeList outlines = doc.getElementsByTagName("outline");
        for (int i = 0; i < outlines.getLength() && out.size() < maxFeeds; i++) {
            Element outline = (Element) outlines.item(i);
            String feedUrl = outline.getAttribute("xmlUrl");
            if (feedUrl.isBlank()) {
                continue;
            }
            String title = outline.getAttribute("title").isBlank()
                    ? outline.getAttribute("text")
                    : outline.getAttribute("title");
            String base = feedUrl.trim();
            if (base.endsWith(PUBLIC_FEED)) {
                base = base.substring(0, base.length() - PUBLIC_FEED.length());
            }
            try {
                out.add(new Feed(title, URI.create(base)));
            } catch (IllegalArgumentException e) {
                throw new MonitorReadException("the feed list names a bad URL: " + feedUrl, false);
            }
        }
        return out;
    }

    static List<Item> rss(byte[] xml, int maxItems) throws MonitorReadException {
        Document doc = xml(xml, "feed (RSS)");
        List<Item> out = new ArrayList<>();
        NodeList items = doc.getElementsByTagName("item");
        for (int i = 0; i < items.getLength() && out.size() < maxItems; i++) {
            Element item = (Element) items.item(i);
            Matcher m = STATUS_TITLE.matcher(child(item, "title"));
            if (!m.matches()) {
                continue;
            }
            out.add(new Item(
                    m.group(2),
                    PromiseStatus.parse(m.group(1)),
                    child(item, "description").trim(),
                    rfc1123(child(item, "pubDate"))));
        }
        return out;
    }

    /** A promise's {@code .status.json}. */
    static PromiseResult status(byte[] json, String fallbackName, String fallbackInstance, List<PromisePoint> history)
            throws MonitorReadException {
        JsonNode root = json(json, "promise status");
        String name = text(root, "title").orElse(fallbackName);
        return new PromiseResult(
                name,
                text(root, "instance").orElse(fallbackInstance),
                PromiseStatus.parse(text(root, "status").orElse(null)),
                text(root, "message").orElse(""),
                date(root.get("start-date")),
                date(root.get("change-time")).or(() -> date(root.get("change-date"))),
                history);
    }

    /**
     * A promise's {@code .history.json}: a list of past results, as a bare array or under {@code
     * data}; the newest {@code maxPoints}, oldest first.
     */
    static List<PromisePoint> history(byte[] json, int maxPoints) throws MonitorReadException {
        JsonNode root = json(json, "promise history");
        JsonNode list = root.isArray() ? root : root.path("data");
        List<PromisePoint> out = new ArrayList<>();
        for (JsonNode entry : list) {
            Optional<Instant> at = date(entry.get("start-date")).or(() -> date(entry.get("date")));
            if (at.isPresent()) {
                out.add(new PromisePoint(
                        at.get(),
                        PromiseStatus.parse(text(entry, "status").orElse(null)),
                        text(entry, "message").orElse("")));
            }
        }
        out.sort(Comparator.comparing(PromisePoint::at));
        return out.size() > maxPoints ? List.copyOf(out.subList(out.size() - maxPoints, out.size())) : out;
    }

    private static Document xml(byte[] bytes, String what) throws MonitorReadException {
        try {
            return SafeXml.parse(bytes);
        } catch (MarshalException e) {
            throw new MonitorReadException("the monitor's " + what + " is not valid XML: " + e.getMessage(), e);
        }
    }

    private static JsonNode json(byte[] bytes, String what) throws MonitorReadException {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new MonitorReadException("the monitor's " + what + " is not valid JSON", e);
        }
    }

    private static String child(Element parent, String name) {
        NodeList list = parent.getElementsByTagName(name);
        return list.getLength() == 0 ? "" : list.item(0).getTextContent();
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    /** Epoch seconds (the stack's change-time), ISO, or "yyyy-MM-dd HH:mm:ss" (read as UTC). */
    static Optional<Instant> date(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            return Optional.of(Instant.ofEpochMilli(Math.round(value.asDouble() * 1000)));
        }
        String text = value.asText().trim();
        try {
            return Optional.of(ZonedDateTime.parse(text.replace("+0000", "Z")).toInstant());
        } catch (DateTimeParseException e) {
            // not ISO with an offset: try the stack's plain form
        }
        try {
            return Optional.of(LocalDateTime.parse(text, SPACED).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> rfc1123(String text) {
        try {
            return Optional.of(ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
