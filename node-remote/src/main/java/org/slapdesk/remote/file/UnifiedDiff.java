package org.slapdesk.remote.file;

import java.util.ArrayList;
import java.util.List;

/** A unified diff ({@code diff -u} style, 3 lines of context) between two texts. */
public final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private UnifiedDiff() {}

    /** The diff, or an empty string when the texts are equal. */
    public static String between(String oldName, String newName, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Edit> edits = edits(a, b);
        StringBuilder out = new StringBuilder();
        out.append("--- ")
                .append(oldName)
                .append('\n')
                .append("+++ ")
                .append(newName)
                .append('\n');
        int i = 0;
        while (i < edits.size()) {
            while (i < edits.size() && edits.get(i).kind == ' ') {
                i++;
            }
            if (i == edits.size()) {
                break;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int lastChange = i;
            while (end < edits.size()) {
                if (edits.get(end).kind != ' ') {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(edits.size(), lastChange + CONTEXT + 1);
            appendHunk(out, edits.subList(start, end));
            i = end;
        }
        return out.toString();
    }

    private static void appendHunk(StringBuilder out, List<Edit> hunk) {
        int oldStart = hunk.get(0).oldLine;
        int newStart = hunk.get(0).newLine;
        int oldCount = (int) hunk.stream().filter(e -> e.kind != '+').count();
        int newCount = (int) hunk.stream().filter(e -> e.kind != '-').count();
        out.append("@@ -")
                .append(range(oldStart, oldCount))
                .append(" +")
                .append(range(newStart, newCount))
                .append(" @@\n");
        for (Edit e : hunk) {
            out.append(e.kind).append(e.text).append('\n');
            if (e.noNewline) {
                out.append("\\ No newline at end of file\n");
            }
        }
    }

    private static String range(int start, int count) {
        int shown = count == 0 ? start - 1 : start;
        return count == 1 ? Integer.toString(shown) : shown + "," + count;
    }

    private record Edit(char kind, String text, int oldLine, int newLine, boolean noNewline) {}

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        } else if (!text.isEmpty()) {
            lines.set(lines.size() - 1, lines.get(lines.size() - 1) + "\0");
        } else {
            lines.clear();
        }
        return lines;
    }

    /** Longest common subsequence, then the edit script; fine for configuration files. */
    private static List<Edit> edits(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Edit> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                edits.add(edit(' ', a.get(i), i + 1, j + 1));
                i++;
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                edits.add(edit('-', a.get(i), i + 1, j + 1));
                i++;
            } else {
                edits.add(edit('+', b.get(j), i + 1, j + 1));
                j++;
            }
        }
        return edits;
    }

    private static Edit edit(char kind, String raw, int oldLine, int newLine) {
        boolean noNewline = raw.endsWith("\0");
        return new Edit(kind, noNewline ? raw.substring(0, raw.length() - 1) : raw, oldLine, newLine, noNewline);
    }
}
