package org.slapdesk.core.wire;

/**
 * How lxml's serializer escapes text and attribute values, the one copy for both codecs:
 * {@code & < >} and CR always; in an attribute also {@code "}, LF and TAB (else a reader's
 * attribute normalisation would turn them into spaces). A character XML 1.0 cannot carry is
 * refused, as lxml refuses it ("All strings must be XML compatible").
 */
final class LxmlEscape {

    private LxmlEscape() {}

    /** Element text as lxml writes it in a UTF-8 document. */
    static void text(String s, StringBuilder out) {
        append(s, false, false, false, out);
    }

    /** Element text as lxml writes it in an ASCII document: non-ASCII as decimal references. */
    static void asciiText(String s, StringBuilder out) {
        append(s, false, true, false, out);
    }

    /**
     * What {@link #asciiText} writes of {@code saxutils.escape(s)}, in one pass: xml_marshaller
     * escapes {@code & < >} once itself before lxml escapes the result again.
     */
    static void asciiTextEscapedTwice(String s, StringBuilder out) {
        append(s, false, true, true, out);
    }

    /** An attribute value inside double quotes, in a UTF-8 document. */
    static void attribute(String s, StringBuilder out) {
        append(s, true, false, false, out);
    }

    /** Whether XML 1.0 can carry the code point at all (the {@code Char} production). */
    static boolean isXmlChar(int cp) {
        return cp == 0x9
                || cp == 0xA
                || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    /** Copies runs of characters written as they are in one go; escapes the others one by one. */
    private static void append(String s, boolean attribute, boolean ascii, boolean twice, StringBuilder out) {
        int run = 0;
        for (int i = 0; i < s.length(); ) {
            if (isWrittenAsIs(s.charAt(i), attribute, ascii)) {
                i++;
                continue;
            }
            out.append(s, run, i);
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            run = i;
            switch (cp) {
                case '&' -> out.append(twice ? "&amp;amp;" : "&amp;");
                case '<' -> out.append(twice ? "&amp;lt;" : "&lt;");
                case '>' -> out.append(twice ? "&amp;gt;" : "&gt;");
                case '\r' -> out.append("&#13;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (!isXmlChar(cp)) {
                        throw new IllegalArgumentException(
                                String.format("character U+%04X cannot be carried in XML", cp));
                    }
                    if (ascii && cp >= 0x80) {
                        out.append("&#").append(cp).append(';');
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        }
        if (run == 0) {
            out.append(s);
        } else {
            out.append(s, run, s.length());
        }
    }

    /** A character that is valid XML and needs no escape in this kind of output. */
    private static boolean isWrittenAsIs(char c, boolean attribute, boolean ascii) {
        if (c >= 0x20 && c < 0x7F) {
            return c != '&' && c != '<' && c != '>' && (c != '"' || !attribute);
        }
        if (c == '\n' || c == '\t') {
            return !attribute;
        }
        return !ascii && ((c >= 0x80 && c < 0xD800) || (c >= 0xE000 && c <= 0xFFFD));
    }
}
