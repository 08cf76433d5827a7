package org.slapdesk.remote.action.re6st;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * re6stnet.conf edits that keep every comment and unknown line: one directive per line
 * ({@code registry URL}, {@code ip ADDRESS}, a bare {@code gateway}); {@code #} starts a comment.
 */
final class Re6stConf {

    private Re6stConf() {}

    /** The value of the first uncommented {@code key value} line. */
    static Optional<String> get(String text, String key) {
        for (String line : text.split("\n")) {
            String[] words = line.trim().split("\\s+", 2);
            if (words[0].equals(key)) {
                return Optional.of(words.length > 1 ? words[1].trim() : "");
            }
        }
        return Optional.empty();
    }

    /** Sets {@code key value} in place of its first line, or appends it. */
    static String set(String text, String key, String value) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        String wanted = value.isEmpty() ? key : key + " " + value;
        for (int i = 0; i < lines.size(); i++) {
            String[] words = lines.get(i).trim().split("\\s+", 2);
            if (words[0].equals(key)) {
                lines.set(i, wanted);
                return String.join("\n", lines);
            }
        }
        String joined = String.join("\n", lines);
        return (joined.isEmpty() || joined.endsWith("\n") ? joined : joined + "\n") + wanted + "\n";
    }

    static String remove(String text, String key) {
        List<String> kept = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (!line.trim().split("\\s+", 2)[0].equals(key)) {
                kept.add(line);
            }
        }
        return String.join("\n", kept);
    }
}
