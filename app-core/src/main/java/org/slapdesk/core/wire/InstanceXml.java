package org.slapdesk.core.wire;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The instance XML the master stores parameters in (docs/protocol.md, "Instance XML"), byte for byte as
 * slapos.util's {@code dict2xml} writes it and read as {@code xml2dict} reads it:
 *
 * <pre>{@code
 * <?xml version='1.0' encoding='utf-8'?>
 * <instance>
 *   <parameter id="foo">bar</parameter>
 * </instance>
 * }</pre>
 */
public final class InstanceXml {

    private static final String DECLARATION = "<?xml version='1.0' encoding='utf-8'?>\n";

    private InstanceXml() {}

    /**
     * {@code dict2xml}: ids sorted, each value written as Python's {@code str()} of it (so null
     * is {@code None}, true is {@code True}, a list is its repr).
     */
    public static String toXml(Map<String, ?> parameters) {
        if (parameters.isEmpty()) {
            return DECLARATION + "<instance/>\n";
        }
        List<String> ids = new ArrayList<>(parameters.keySet());
        ids.sort(PythonOrder::compareCodePoints);
        StringBuilder out = new StringBuilder(DECLARATION).append("<instance>\n");
        for (String id : ids) {
            out.append("  <parameter id=\"");
            escape(id, true, out);
            out.append("\">");
            escape(pythonStr(parameters.get(id)), false, out);
            out.append("</parameter>\n");
        }
        return out.append("</instance>\n").toString();
    }

    /**
     * {@code xml2dict}: every {@code parameter} child of the root by id; a repeated id gets its
     * values joined with a space; an empty parameter reads as null (Python's None). Null or
     * empty input gives an empty map.
     */
    public static Map<String, String> fromXml(String xml) throws MarshalException {
        Map<String, String> result = new LinkedHashMap<>();
        if (xml == null || xml.isEmpty()) {
            return result;
        }
        Element root = SafeXml.parse(xml).getDocumentElement();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("parameter")) {
                if (!e.hasAttribute("id")) {
                    throw new MarshalException("a <parameter> of the instance XML has no id attribute");
                }
                String id = e.getAttribute("id");
                String text = leadingText(e);
                String previous = result.get(id);
                result.put(id, previous != null ? previous + " " + (text == null ? "" : text) : text);
            }
        }
        return result;
    }

    /** lxml's {@code element.text}: the text before the first child element, or null. */
    private static String leadingText(Element e) {
        StringBuilder text = null;
        for (Node n = e.getFirstChild(); n != null && !(n instanceof Element); n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                text = text == null ? new StringBuilder() : text;
                text.append(n.getNodeValue());
            }
        }
        return text == null ? null : text.toString();
    }

    /** Python's {@code str()} of a parameter value. */
    public static String pythonStr(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return value.toString();
        }
        return PythonOrder.repr(value);
    }

    /** What lxml writes for text ({@code & < >}, CR) or an attribute (also {@code "}, LF, TAB). */
    private static void escape(String s, boolean attribute, StringBuilder out) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (!XmlMarshal.isXmlChar(cp)) {
                        throw new IllegalArgumentException(
                                String.format("character U+%04X cannot be carried in instance XML", cp));
                    }
                    out.appendCodePoint(cp);
                }
            }
        }
    }
}
