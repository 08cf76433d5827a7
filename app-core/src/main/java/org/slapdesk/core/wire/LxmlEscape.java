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
        append(s, false, false, out);
    }

    /** Element text as lxml writes it in an ASCII document: non-ASCII as decimal references. */
    static void asciiText(String s, StringBuilder out) {
        append(s, false, true, out);
    }

    /** An attribute value inside double quotes, in a UTF-8 document. */
    static void attribute(String s, StringBuilder out) {
        append(s, true, false, out);
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

    private static void append(String s, boolean attribute, boolean ascii, StringBuilder out) {
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
    }
}
