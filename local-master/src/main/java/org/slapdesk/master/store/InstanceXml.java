package org.slapdesk.master.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slapdesk.core.wire.MarshalException;
import org.slapdesk.core.wire.SafeXml;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The instance XML the master stores parameters, connection parameters and SLA in
 * (docs/protocol.md, "Instance XML"): sorted {@code <parameter id=…>} elements whose values are Python's
 * {@code str()} of the marshalled value; a repeated id reads back as the values joined by a space.
 */
public final class InstanceXml {

    private InstanceXml() {}

    public static String write(Map<?, ?> parameters) {
        Map<String, String> sorted = new TreeMap<>();
        parameters.forEach((k, v) -> sorted.put(String.valueOf(k), PythonText.str(v)));
        StringBuilder out = new StringBuilder("<?xml version='1.0' encoding='utf-8'?>\n");
        if (sorted.isEmpty()) {
            return out.append("<instance/>\n").toString();
        }
        out.append("<instance>\n");
        sorted.forEach((k, v) -> out.append("  <parameter id=\"")
                .append(escape(k, true))
                .append("\">")
                .append(escape(v, false))
                .append("</parameter>\n"));
        return out.append("</instance>\n").toString();
    }

    public static Map<String, String> read(String xml) {
        Map<String, String> result = new LinkedHashMap<>();
        if (xml == null || xml.isBlank()) {
            return result;
        }
        try {
            Element root = SafeXml.parse(xml).getDocumentElement();
            NodeList children = root.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                Node n = children.item(i);
                if (n instanceof Element e && "parameter".equals(e.getTagName())) {
                    String key = e.getAttribute("id");
                    String value = e.getTextContent();
                    result.merge(key, value, (a, b) -> a + " " + b);
                }
            }
        } catch (MarshalException e) {
            throw new IllegalStateException("stored instance XML is unreadable: " + e.getMessage(), e);
        }
        return result;
    }

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

    private static String escape(String s, boolean attribute) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
