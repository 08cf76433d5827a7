package org.slapdesk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * docs/PERFORMANCE.md with its generated section: the last run's printed tables between two
 * marker lines, replaced on each run; the hand-written analysis around them is left as it is.
 * A document without the markers gets the section appended.
 */
final class PerformanceDoc {

    static final String BEGIN = "<!-- benchmarks:begin -->";
    static final String END = "<!-- benchmarks:end -->";

    private PerformanceDoc() {}

    /** The section for one run: when, on what, with which command, and what it printed. */
    static String section(String when, Machine machine, String command, String printed) {
        return BEGIN + "\n"
                + "## Last run of `./benchmarks` (generated: replaced by each run)\n\n"
                + "**When:** " + when + "  \n"
                + "**Machine:** " + machine.describe() + "  \n"
                + "**Command:** `" + command + "`\n\n"
                + "```text\n"
                + printed.strip() + "\n"
                + "```\n"
                + END;
    }

    /** {@code document} with its generated section replaced by {@code section}. */
    static String withSection(String document, String section) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END, Math.max(begin, 0));
        if (begin < 0 || end < 0) {
            String trimmed = document.stripTrailing();
            return trimmed.isEmpty() ? section + "\n" : trimmed + "\n\n" + section + "\n";
        }
        return document.substring(0, begin) + section + document.substring(end + END.length());
    }

    static void write(Path file, String section) throws IOException {
        String document = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        Files.writeString(file, withSection(document, section), StandardCharsets.UTF_8);
    }
}
