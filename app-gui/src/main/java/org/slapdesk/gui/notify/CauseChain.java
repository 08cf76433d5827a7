package org.slapdesk.gui.notify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An error and its causes in words, one line each, outermost first: each line is the first line
 * of the message without a parser's dump of its source or a wrapped exception's class name, and
 * a line that an earlier one already says is left out.
 */
public final class CauseChain {

    private static final Pattern CLASS_PREFIX = Pattern.compile("^([a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(Exception|Error): ");
    private static final String[] DUMPS = {" (start marker", " at [Source:", " (for input source", "\n"};

    private CauseChain() {}

    public static List<String> of(Throwable error) {
        List<String> lines = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            String line = words(t);
            String lower = line.toLowerCase(Locale.ROOT);
            boolean known =
                    lines.stream().anyMatch(l -> l.toLowerCase(Locale.ROOT).contains(lower));
            if (!known) {
                lines.add(line);
            }
        }
        return List.copyOf(lines);
    }

    private static String words(Throwable t) {
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName() + " (no message)";
        }
        String text = message.strip();
        // a cause wrapped without a message of its own reads "java.io.IOException: …"
        while (CLASS_PREFIX.matcher(text).find()) {
            text = CLASS_PREFIX.matcher(text).replaceFirst("");
        }
        for (String dump : DUMPS) {
            int at = text.indexOf(dump);
            if (at > 0) {
                text = text.substring(0, at);
            }
        }
        return text.strip();
    }
}
