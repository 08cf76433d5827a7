package org.slapdesk.core.wire;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

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
        XMLStreamReader in = SafeXml.stream(xml);
        try {
            if (!nextChild(in)) {
                throw new MarshalException("the instance XML has no root element");
            }
            while (nextChild(in)) {
                if (!"parameter".equals(in.getLocalName())) {
                    skipRest(in);
                    continue;
                }
                String id = in.getAttributeValue(null, "id");
                if (id == null) {
                    throw new MarshalException("a <parameter> of the instance XML has no id attribute");
                }
                String text = leadingText(in);
                String previous = result.get(id);
                result.put(id, previous != null ? previous + " " + (text == null ? "" : text) : text);
            }
            while (in.hasNext()) {
                in.next(); // what follows the root must still be well-formed
            }
            return result;
        } catch (XMLStreamException e) {
            throw SafeXml.notWellFormed(e);
        } finally {
            SafeXml.close(in);
        }
    }

    /** Moves to the next child element (true) or to the end of the current element (false). */
    private static boolean nextChild(XMLStreamReader in) throws XMLStreamException, MarshalException {
        while (true) {
            switch (in.next()) {
                case XMLStreamConstants.START_ELEMENT:
                    return true;
                case XMLStreamConstants.END_ELEMENT:
                case XMLStreamConstants.END_DOCUMENT:
                    return false;
                case XMLStreamConstants.DTD:
                    throw SafeXml.doctypeRefused(null);
                default:
                    break;
            }
        }
    }

    /**
     * lxml's {@code element.text}: the text before the first child element, or null; the reader
     * is left at the element's end.
     */
    private static String leadingText(XMLStreamReader in) throws XMLStreamException {
        StringBuilder text = null;
        while (true) {
            int event = in.next();
            if (event == XMLStreamConstants.CHARACTERS
                    || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                text = text == null ? new StringBuilder() : text;
                text.append(in.getText());
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                skipRest(in);
                skipRest(in);
                break;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        return text == null ? null : text.toString();
    }

    /** Skips to the end of the element the reader is in. */
    private static void skipRest(XMLStreamReader in) throws XMLStreamException {
        int level = 1;
        while (level > 0) {
            int event = in.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                level++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                level--;
            }
        }
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
