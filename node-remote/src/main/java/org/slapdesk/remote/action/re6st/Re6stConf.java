package org.slapdesk.remote.action.re6st;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The text of {@code re6stnet.conf}: one re6stnet option per line ({@code registry URL},
 * {@code ip 51.159.66.11}) or a flag alone ({@code gateway}); {@code #} starts a comment.
 * Edits change the option's own line (or add it at the end) and keep every other line.
 */
final class Re6stConf {

    /** What {@code re6st-conf} writes when there is no file yet. */
    static String newFile(String registry) {
        return "registry " + registry + "\nca ca.crt\ncert cert.crt\nkey cert.key\n"
                + "# increase re6stnet verbosity:\n#verbose 3\n# enable OpenVPN logging:\n#ovpnlog\n"
                + "# uncomment the following 2 lines to increase OpenVPN verbosity:\n#O--verb\n#O3\n";
    }

    private final List<String> lines;

    private Re6stConf(List<String> lines) {
        this.lines = lines;
    }

    static Re6stConf parse(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return new Re6stConf(lines);
    }

    private static Optional<String> key(String line) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
            return Optional.empty();
        }
        return Optional.of(t.split("\\s+", 2)[0]);
    }

    /** The value of the first {@code key value} line. */
    Optional<String> get(String key) {
        for (String line : lines) {
            if (key(line).equals(Optional.of(key))) {
                String[] parts = line.strip().split("\\s+", 2);
                return Optional.of(parts.length > 1 ? parts[1].strip() : "");
            }
        }
        return Optional.empty();
    }

    boolean has(String key) {
        return get(key).isPresent();
    }

    /** Sets {@code key value} on the key's first line (later duplicates dropped), or appends it. */
    void set(String key, String value) {
        put(key, key + " " + value);
    }

    /** A flag line such as {@code gateway}: present or not. */
    void flag(String key, boolean present) {
        if (present) {
            put(key, key);
        } else {
            lines.removeIf(l -> key(l).equals(Optional.of(key)));
        }
    }

    private void put(String key, String line) {
        boolean done = false;
        for (int i = 0; i < lines.size(); i++) {
            if (key(lines.get(i)).equals(Optional.of(key))) {
                if (!done) {
                    lines.set(i, line);
                    done = true;
                } else {
                    lines.remove(i--);
                }
            }
        }
        if (!done) {
            lines.add(line);
        }
    }

    String render() {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}
