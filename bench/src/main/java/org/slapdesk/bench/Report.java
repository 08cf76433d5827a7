package org.slapdesk.bench;

import java.io.PrintStream;
import java.util.Locale;

/** Prints one comparison line: the Python tool's time, ours, and the ratio (above 1: we are faster). */
final class Report {

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void heading(String text, String theirs, String ours) {
        out.println();
        out.println("== " + text);
        out.printf(Locale.ROOT, "%-38s %14s %14s %9s%n", "work", theirs, ours, "ratio");
    }

    void line(String work, double pythonSeconds, double ourSeconds) {
        out.printf(
                Locale.ROOT,
                "%-38s %14s %14s %8.2fx%n",
                work,
                human(pythonSeconds),
                human(ourSeconds),
                pythonSeconds / ourSeconds);
    }

    /** A heading for lines that have an aim instead of a Python peer. */
    void section(String text) {
        out.println();
        out.println("== " + text);
    }

    /** One measure against its aim, said met or missed. */
    void aim(String work, String measured, boolean met, String aim) {
        out.printf(Locale.ROOT, "%-72s %14s  aim %s: %s%n", work, measured, aim, met ? "met" : "missed");
    }

    void note(String text) {
        out.println("   " + text);
    }

    static String human(double seconds) {
        if (seconds >= 1) {
            return String.format(Locale.ROOT, "%.2f s", seconds);
        }
        if (seconds >= 1e-3) {
            return String.format(Locale.ROOT, "%.2f ms", seconds * 1e3);
        }
        return String.format(Locale.ROOT, "%.1f µs", seconds * 1e6);
    }
}
