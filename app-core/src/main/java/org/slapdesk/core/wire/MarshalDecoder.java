package org.slapdesk.core.wire;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one marshalled document straight from the XML stream into Java values, without building
 * a DOM first: a node's full information with thousands of partitions is tens of megabytes of
 * XML, and the tree cost more than the values themselves.
 *
 * <p>Each {@link #read} starts on a START_ELEMENT and returns on its END_ELEMENT.
 */
final class MarshalDecoder {

    /** Longer keys are rarely repeated: not worth a lookup. */
    private static final int MAX_SHARED_KEY = 64;

    private final XMLStreamReader in;
    private final Map<String, Object> byId = new HashMap<>();
    /**
     * The expanded size of each closed container, charged again at each reference to it. A
     * container in {@link #byId} without a weight is still being read: a reference to it would
     * make a cycle.
     */
    private final Map<String, DecodeBudget.Weight> weights = new HashMap<>();

    /**
     * Dict keys read so far: a node's partitions repeat the same keys thousands of times, and
     * one shared copy of each keeps the decoded graph (which the young collector copies) smaller.
     */
    private final Map<String, String> keys = new HashMap<>();

    private final DecodeBudget budget = new DecodeBudget();
    private int depth;

    private MarshalDecoder(XMLStreamReader in) {
        this.in = in;
    }

    static Object decode(byte[] xml) throws MarshalException {
        XMLStreamReader in = SafeXml.stream(xml);
        try {
            return new MarshalDecoder(in).document();
        } catch (XMLStreamException e) {
            throw SafeXml.notWellFormed(e);
        } finally {
            SafeXml.close(in);
        }
    }

    private Object document() throws XMLStreamException, MarshalException {
        if (!nextChild()) {
            throw new MarshalException("the XML has no root element");
        }
        if (!"marshal".equals(tag())) {
            throw new MarshalException("expected a <marshal> document, found <" + tag() + ">");
        }
        Object value = null;
        int values = 0;
        while (nextChild()) {
            values++;
            if (values == 1) {
                value = read();
            } else {
                skipElement();
            }
        }
        if (values != 1) {
            throw new MarshalException("<marshal> must hold exactly one value, found " + values);
        }
        while (in.hasNext()) {
            // the rest must still be well-formed, as a whole-document parse would demand
            if (in.next() == XMLStreamConstants.START_ELEMENT) {
                throw new MarshalException("the XML has content after the </marshal> element");
            }
        }
        return value;
    }

    private Object read() throws XMLStreamException, MarshalException {
        if (++depth > XmlMarshal.MAX_DEPTH) {
            throw new MarshalException("the marshalled document nests containers more than " + XmlMarshal.MAX_DEPTH
                    + " levels deep; refusing it");
        }
        try {
            budget.charge(1, 0);
            String id = attribute("id");
            return readElement(id);
        } finally {
            depth--;
        }
    }

    private Object readElement(String id) throws XMLStreamException, MarshalException {
        String tag = tag();
        switch (tag) {
            case "none":
                skipElement();
                return null;
            case "string":
            case "unicode": {
                String text = XmlMarshal.unescapeOnce(text());
                budget.charge(0, text.length());
                return text;
            }
            case "bool": {
                String text = text();
                return switch (text.trim()) {
                    case "1", "True" -> Boolean.TRUE;
                    case "0", "False" -> Boolean.FALSE;
                    default -> throw new MarshalException("<bool> holds neither 0 nor 1: " + text);
                };
            }
            case "int":
            case "long": {
                String digits = text().trim();
                DecodeBudget.checkIntegerDigits(digits);
                budget.charge(0, digits.length());
                return parseInteger(digits, tag);
            }
            case "float":
                return parseFloat(text().trim());
            case "tuple": {
                List<Object> items = new ArrayList<>();
                while (nextChild()) {
                    items.add(read());
                }
                return new Tuple(items);
            }
            case "list": {
                DecodeBudget.Weight start = budget.mark();
                List<Object> list = new ArrayList<>();
                remember(id, list);
                while (nextChild()) {
                    list.add(read());
                }
                weigh(id, start);
                return list;
            }
            case "set": {
                DecodeBudget.Weight start = budget.mark();
                Set<Object> set = new LinkedHashSet<>();
                remember(id, set);
                while (nextChild()) {
                    set.add(hashable(read(), "a set member"));
                }
                weigh(id, start);
                return set;
            }
            case "dictionary": {
                DecodeBudget.Weight start = budget.mark();
                Map<Object, Object> map = new LinkedHashMap<>();
                remember(id, map);
                while (nextChild()) {
                    Object key = shared(hashable(read(), "a dictionary key"));
                    if (!nextChild()) {
                        throw new MarshalException("<dictionary> has an odd number of children");
                    }
                    map.put(key, read());
                }
                weigh(id, start);
                return map;
            }
            case "reference": {
                if (!byId.containsKey(id)) {
                    throw new MarshalException("<reference id=\"" + id + "\"> names no earlier container");
                }
                if (!weights.containsKey(id)) {
                    throw new MarshalException("<reference id=\"" + id + "\"> points at a container that holds it;"
                            + " cyclic values are refused");
                }
                budget.charge(weights.get(id));
                skipElement();
                return byId.get(id);
            }
            case "object":
                return readObject(id);
            default:
                throw new MarshalException("unsupported marshal tag <" + tag + ">");
        }
    }

    private Object readObject(String id) throws XMLStreamException, MarshalException {
        String module = attribute("module");
        String className = attribute("class");
        if (!SlapObject.MODULE.equals(module) || !SlapObject.ALLOWED_CLASSES.contains(className)) {
            throw new MarshalException("refused object of class " + module + "." + className
                    + ": only the four slap classes are accepted");
        }
        if (!nextChild() || !"tuple".equals(tag())) {
            throw badObject();
        }
        // the id is taken before the children are read, as the encoder numbers it
        DecodeBudget.Weight start = budget.mark();
        Tuple args = (Tuple) read();
        Object state = null;
        if (nextChild()) {
            state = read();
            if (nextChild()) {
                throw badObject();
            }
        }
        SlapObject object = new SlapObject(className, args.items(), state);
        if (!id.isEmpty()) {
            byId.put(id, object);
            weights.put(id, budget.since(start));
        }
        return object;
    }

    private static MarshalException badObject() {
        return new MarshalException("<object> must hold a <tuple> of init arguments and a state");
    }

    /**
     * Moves to the next child element of the current element and says true, or to the current
     * element's end and says false; text, comments and processing instructions between are skipped.
     */
    private boolean nextChild() throws XMLStreamException, MarshalException {
        while (true) {
            int event = in.next();
            switch (event) {
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
     * The text of a scalar element, as {@link XMLStreamReader#getElementText} reads it (comments
     * and processing instructions skipped, a child element refused) without copying the text
     * through a buffer when it comes in one piece, as it does from a coalescing reader. The reader
     * ends on the element's END_ELEMENT.
     */
    private String text() throws XMLStreamException {
        String first = null;
        StringBuilder pieces = null;
        while (true) {
            switch (in.next()) {
                case XMLStreamConstants.CHARACTERS,
                        XMLStreamConstants.CDATA,
                        XMLStreamConstants.SPACE,
                        XMLStreamConstants.ENTITY_REFERENCE -> {
                    if (first == null) {
                        first = in.getText();
                    } else {
                        if (pieces == null) {
                            pieces = new StringBuilder(first);
                        }
                        pieces.append(in.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return pieces != null ? pieces.toString() : first == null ? "" : first;
                }
                case XMLStreamConstants.START_ELEMENT ->
                    throw new XMLStreamException("a scalar element holds an element", in.getLocation());
                case XMLStreamConstants.END_DOCUMENT ->
                    throw new XMLStreamException("the document ends inside an element", in.getLocation());
                default -> {
                    // a comment or a processing instruction: not part of the text
                }
            }
        }
    }

    /** Skips the rest of the current element, whatever it holds, without recursion. */
    private void skipElement() throws XMLStreamException {
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

    /** The tag as written, prefix included: the reader is not namespace aware. */
    private String tag() {
        String prefix = in.getPrefix();
        String local = in.getLocalName();
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    /** An attribute's value, or "" when the element has none, as DOM's getAttribute answers. */
    private String attribute(String name) {
        for (int i = 0, count = in.getAttributeCount(); i < count; i++) {
            if (name.equals(in.getAttributeLocalName(i))) {
                return in.getAttributeValue(i);
            }
        }
        return "";
    }

    private void weigh(String id, DecodeBudget.Weight start) {
        if (!id.isEmpty()) {
            weights.put(id, budget.since(start));
        }
    }

    private void remember(String id, Object container) {
        if (!id.isEmpty()) {
            byId.put(id, container);
        }
    }

    private Object shared(Object key) {
        if (key instanceof String text && text.length() <= MAX_SHARED_KEY) {
            String known = keys.putIfAbsent(text, text);
            return known != null ? known : text;
        }
        return key;
    }

    /**
     * A dict key or set member as Python takes it: a list, dict or set (also inside a tuple)
     * is unhashable. Refusing them also keeps Java from hashing a container by walking it.
     */
    private static Object hashable(Object value, String role) throws MarshalException {
        String type = value instanceof List<?>
                ? "list"
                : value instanceof Map<?, ?> ? "dict" : value instanceof Set<?> ? "set" : null;
        if (type != null) {
            throw new MarshalException(role + " is a " + type + ", which Python refuses too (TypeError: unhashable"
                    + " type: '" + type + "')");
        }
        if (value instanceof Tuple t) {
            for (Object item : t.items()) {
                hashable(item, role);
            }
        }
        return value;
    }

    private static Object parseInteger(String text, String tag) throws MarshalException {
        try {
            if (text.length() < 19) {
                return Long.parseLong(text);
            }
            BigInteger value = new BigInteger(text);
            return value.bitLength() < 64 ? (Object) value.longValue() : value;
        } catch (NumberFormatException ex) {
            throw new MarshalException("<" + tag + "> does not hold an integer: " + text, ex);
        }
    }

    private static Double parseFloat(String text) throws MarshalException {
        switch (text) {
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            case "nan":
                return Double.NaN;
            default:
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException ex) {
                    throw new MarshalException("<float> does not hold a number: " + text, ex);
                }
        }
    }
}
