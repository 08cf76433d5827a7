package org.slapdesk.core.master;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of RFC 6570 HATEOAS links use: {@code {var}} (simple), {@code {?a,b}} (form query)
 * and {@code {&a,b}} (query continuation), with the explode modifier the SlapOS master's search
 * template uses ({@code {&query,select_list*,limit*}}): an exploded list in a query repeats the
 * name ({@code select_list=a&select_list=b}); otherwise a list is joined with commas. A variable
 * without a value is left out.
 */
final class UriTemplate {

    private static final Pattern EXPRESSION = Pattern.compile("\\{([?&]?)([^}]*)}");

    private UriTemplate() {}

    static String expand(String template, Map<String, ?> values) {
        Matcher m = EXPRESSION.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String operator = m.group(1);
            List<String> parts = new ArrayList<>();
            for (String name : m.group(2).split(",")) {
                String variable = name.strip();
                boolean explode = variable.endsWith("*");
                if (explode) {
                    variable = variable.substring(0, variable.length() - 1);
                }
                Object value = values.get(variable);
                if (value == null) {
                    continue;
                }
                if (explode && !operator.isEmpty() && value instanceof List<?> list) {
                    for (Object item : list) {
                        parts.add(variable + "=" + encode(String.valueOf(item)));
                    }
                    continue;
                }
                String encoded = encodeValue(value);
                parts.add(operator.isEmpty() ? encoded : variable + "=" + encoded);
            }
            String replacement;
            if (parts.isEmpty()) {
                replacement = "";
            } else if (operator.isEmpty()) {
                replacement = String.join(",", parts);
            } else {
                replacement = operator + String.join("&", parts);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String encodeValue(Object value) {
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            for (Object item : list) {
                items.add(encode(String.valueOf(item)));
            }
            return String.join(",", items);
        }
        return encode(String.valueOf(value));
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
