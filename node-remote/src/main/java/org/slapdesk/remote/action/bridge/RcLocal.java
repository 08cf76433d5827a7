package org.slapdesk.remote.action.bridge;

import java.util.ArrayList;
import java.util.List;

/**
 * The generic bridge of seed 000: commands in {@code /etc/rc.local} that build the bridge at
 * boot, kept between two marker lines so a second run replaces them instead of adding more.
 */
final class RcLocal {

    static final String PATH = "/etc/rc.local";
    static final String NEW_FILE = "#!/bin/sh\n# rc.local: run at the end of boot\n\nexit 0\n";

    private RcLocal() {}

    static String begin(String bridge) {
        return "# slapdesk: bridge " + bridge + " for virtual machines (begin)";
    }

    static String end(String bridge) {
        return "# slapdesk: bridge " + bridge + " (end)";
    }

    static String withBridge(String text, BridgeLayout layout) {
        String base = text.isEmpty() ? NEW_FILE : text;
        List<String> lines = new ArrayList<>(List.of(base.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        int from = lines.indexOf(begin(layout.bridge()));
        int to = lines.indexOf(end(layout.bridge()));
        int at;
        if (from >= 0 && to > from) {
            lines.subList(from, to + 1).clear();
            at = from;
        } else {
            at = lines.size();
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).strip().equals("exit 0")) {
                    at = i;
                    break;
                }
            }
        }
        List<String> block = new ArrayList<>();
        block.add(begin(layout.bridge()));
        block.addAll(layout.bootCommands());
        block.add(end(layout.bridge()));
        lines.addAll(at, block);
        return String.join("\n", lines) + "\n";
    }

    /** The text without the block {@link #withBridge} wrote for {@code bridge} (unchanged when there is none). */
    static String withoutBridge(String text, String bridge) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int from = lines.indexOf(begin(bridge));
        int to = lines.indexOf(end(bridge));
        if (from < 0 || to < from) {
            return text;
        }
        lines.subList(from, to + 1).clear();
        return String.join("\n", lines);
    }
}
