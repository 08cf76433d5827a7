package org.slapdesk.core.master;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a HATEOAS search answer from the JSON stream, row by row, without building a tree of the
 * rows: at 200,000 rows the tree cost more than the models made from it. Each row is handed over
 * as its fields' text (a nested object's fields as {@code outer.inner}; null fields left out) in
 * one reused {@link Row}; the answer's other members (a change counter, removed keys) come back
 * as a small tree.
 */
final class SearchRows {

    /** One row's fields while it is handed over; the next row reuses it. */
    static final class Row {
        private final Map<String, String> fields = new HashMap<>();

        Optional<String> text(String field) {
            return Optional.ofNullable(fields.get(field));
        }

        String text(String field, String otherwise) {
            return fields.getOrDefault(field, otherwise);
        }

        /** A copy, to compare a row with a later one. */
        Map<String, String> snapshot() {
            return Map.copyOf(fields);
        }
    }

    @FunctionalInterface
    interface RowHandler {
        void row(Row row);
    }

    private SearchRows() {}

    /**
     * Hands every row of {@code _embedded.contents} to {@code handler}, and returns the answer's
     * other members (a JSON object) and the row count.
     */
    static Read read(ObjectMapper json, byte[] body, RowHandler handler) throws IOException {
        JsonFactory factory = json.getFactory();
        ObjectNode rest = json.createObjectNode();
        int rows = -1;
        Row row = new Row();
        try (JsonParser parser = factory.createParser(body)) {
            parser.setCodec(json);
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if ("_embedded".equals(name) && parser.currentToken() == JsonToken.START_OBJECT) {
                    rows = embedded(parser, row, handler, rest);
                } else {
                    rest.set(name, parser.readValueAsTree());
                }
            }
        }
        return new Read(rest, rows);
    }

    /** The answer around the rows, and how many rows there were (-1: no {@code _embedded.contents}). */
    record Read(JsonNode rest, int rows) {}

    private static int embedded(JsonParser parser, Row row, RowHandler handler, ObjectNode rest) throws IOException {
        int rows = -1;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("contents".equals(name) && value == JsonToken.START_ARRAY) {
                rows = 0;
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    row.fields.clear();
                    fields(parser, "", row.fields);
                    handler.row(row);
                    rows++;
                }
                expect(parser.currentToken(), JsonToken.END_ARRAY);
            } else {
                parser.skipChildren();
            }
        }
        return rows;
    }

    private static void fields(JsonParser parser, String prefix, Map<String, String> into) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = prefix + parser.currentName();
            JsonToken value = parser.nextToken();
            switch (value) {
                case START_OBJECT -> fields(parser, name + ".", into);
                case START_ARRAY -> parser.skipChildren();
                case VALUE_NULL -> {
                    // left out: a missing field and a null one read alike
                }
                default -> into.put(name, parser.getText());
            }
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + " in the search answer, found " + actual);
        }
    }
}
