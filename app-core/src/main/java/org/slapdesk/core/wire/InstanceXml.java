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
     * {@code dict2xml}: ids sorted by code point, each value written as Python's {@code str()} of
     * it (so null is {@code None}, true is {@code True}, a list is its repr). Throws
     * IllegalArgumentException, as lxml raises, for an id that is not a string or a character
     * XML cannot carry.
     */
    public static String toXml(Map<?, ?> parameters) {
        if (parameters.isEmpty()) {
            return DECLARATION + "<instance/>\n";
        }
        List<String> ids = new ArrayList<>();
        for (Object id : parameters.keySet()) {
            if (!(id instanceof String text)) {
                // lxml refuses a non-str attribute value with TypeError
                throw new IllegalArgumentException("a parameter id must be a string, not " + PythonOrder.repr(id));
            }
            ids.add(text);
        }
        ids.sort(PythonOrder::compareCodePoints);
        StringBuilder out = new StringBuilder(DECLARATION).append("<instance>\n");
        for (String id : ids) {
            out.append("  <parameter id=\"");
            LxmlEscape.attribute(id, out);
            out.append("\">");
            LxmlEscape.text(pythonStr(parameters.get(id)), out);
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
}
