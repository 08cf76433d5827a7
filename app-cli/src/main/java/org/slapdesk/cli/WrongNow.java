package org.slapdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slapdesk.core.fleet.RefreshProgress;
import org.slapdesk.core.monitor.MonitoredFleet;
import org.slapdesk.core.monitor.WhatIsWrong;
import org.slapdesk.core.monitor.WrongItem;

/**
 * {@code slapdesk monitor --wrong}: one refresh of each profile, its instance monitors read, and
 * "what is wrong now" printed as a table or JSON. Exit 0 when nothing is wrong, 3 when something
 * is, 1 when a profile could not be read completely.
 */
final class WrongNow {

    static final int SOMETHING_WRONG = 3;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    WrongNow(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    int run(List<MonitoredFleet> fleets) throws InterruptedException, JsonProcessingException {
        try {
            List<WrongItem> wrong = new ArrayList<>();
            for (MonitoredFleet fleet : fleets) {
                RefreshProgress done = fleet.refresh();
                if (done.phase() != RefreshProgress.Phase.COMPLETE) {
                    err.println("slapdesk monitor: profile " + fleet.profile() + ": " + done.describe());
                    err.flush();
                    return 1;
                }
                wrong.addAll(WhatIsWrong.list(
                        fleet.profile(),
                        fleet.fleet().snapshot(),
                        fleet.promises().values()));
            }
            print(wrong);
            return wrong.isEmpty() ? 0 : SOMETHING_WRONG;
        } finally {
            fleets.forEach(MonitoredFleet::close);
        }
    }

    private void print(List<WrongItem> wrong) throws JsonProcessingException {
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (WrongItem w : wrong) {
                Map<String, Object> link = new LinkedHashMap<>();
                link.put("profile", w.link().profile());
                link.put("kind", lower(w.link().kind().name()));
                link.put("reference", w.link().reference());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("level", lower(w.level().name()));
                row.put("kind", lower(w.object().kind().name()));
                row.put("reference", w.object().reference());
                row.put("title", w.title());
                row.put("text", w.text());
                row.put("since", w.since().map(Instant::toString).orElse(null));
                row.put("link", link);
                rows.add(row);
            }
            out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(rows));
            out.flush();
            return;
        }
        if (wrong.isEmpty()) {
            out.println("Nothing is wrong now.");
            out.flush();
            return;
        }
        TextTable table = new TextTable("LEVEL", "PROFILE", "KIND", "OBJECT", "FOR", "TEXT");
        Instant now = Instant.now();
        for (WrongItem w : wrong) {
            table.row(
                    lower(w.level().name()),
                    w.link().profile(),
                    lower(w.object().kind().name()),
                    w.title(),
                    w.since().map(s -> age(Duration.between(s, now))).orElse("?"),
                    w.text());
        }
        table.print(out);
        out.flush();
    }

    static String age(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7200) {
            return seconds / 60 + " min";
        }
        if (seconds < 172_800) {
            return seconds / 3600 + " h";
        }
        return seconds / 86_400 + " d";
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
