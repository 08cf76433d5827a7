package org.slapdesk.master.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A search answer whose rows are written one by one onto the JSON generator as it is serialised,
 * instead of becoming a map each first: the partition search answers 200,000 rows. The answer's
 * other members (a change counter, removed keys) follow the rows.
 */
final class StreamedSearchAnswer<T> extends JsonSerializable.Base {

    /** Writes one row as a JSON object. */
    @FunctionalInterface
    interface RowWriter<T> {
        void write(T row, JsonGenerator out) throws IOException;
    }

    private final List<T> rows;
    private final RowWriter<T> writer;
    private final Map<String, Object> members;

    StreamedSearchAnswer(List<T> rows, RowWriter<T> writer, Map<String, Object> members) {
        this.rows = rows;
        this.writer = writer;
        this.members = members;
    }

    @Override
    public void serialize(JsonGenerator out, SerializerProvider serializers) throws IOException {
        out.writeStartObject();
        out.writeObjectFieldStart("_embedded");
        out.writeArrayFieldStart("contents");
        for (T row : rows) {
            writer.write(row, out);
        }
        out.writeEndArray();
        out.writeEndObject();
        for (Map.Entry<String, Object> member : members.entrySet()) {
            out.writeFieldName(member.getKey());
            serializers.defaultSerializeValue(member.getValue(), out);
        }
        out.writeEndObject();
    }

    @Override
    public void serializeWithType(JsonGenerator out, SerializerProvider serializers, TypeSerializer typeSer)
            throws IOException {
        serialize(out, serializers);
    }
}
