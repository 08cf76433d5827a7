package org.slapdesk.master.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slapdesk.core.wire.InstanceXml;
import org.slapdesk.core.wire.MarshalException;

/**
 * Reads the instance XML columns (parameters, SLA, connection) with app-core's
 * {@link InstanceXml}, as slapproxy reads them with {@code xml2dict}: an empty parameter is
 * null (None). The master wrote these columns itself, so an unreadable one is a fault of the
 * store, not of the caller.
 */
public final class ParameterColumns {

    private ParameterColumns() {}

    public static Map<String, String> read(String xml) {
        try {
            return InstanceXml.fromXml(xml);
        } catch (MarshalException e) {
            throw new IllegalStateException("stored instance XML is unreadable: " + e.getMessage(), e);
        }
    }

    /** The HATEOAS {@code connection_key} / {@code connection_value} list of a column. */
    public static List<Map<String, String>> asKeyValueList(String xml) {
        List<Map<String, String>> list = new ArrayList<>();
        read(xml).forEach((k, v) -> {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("connection_key", k);
            entry.put("connection_value", v);
            list.add(entry);
        });
        return list;
    }
}
