package org.slapdesk.remote.action.slapos;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of {@code slapos node status} (supervisorctl): {@code slappart0:nginx-on-watch
 * RUNNING pid 4242, uptime 1:02:03}. {@code group} is the partition (empty for a process
 * outside a group, e.g. {@code watchdog}).
 */
public record ProcessStatus(
        String group, String name, ProcessState state, OptionalLong pid, Optional<String> uptime, String description) {

    private static final Pattern LINE = Pattern.compile("^(\\S+)\\s+([A-Z]+)(?:\\s+(.*))?$");
    private static final Pattern RUNNING = Pattern.compile("pid (\\d+), uptime (\\S+)");

    /** {@code group:name}, as supervisorctl takes it. */
    public String fullName() {
        return group.isEmpty() ? name : group + ":" + name;
    }

    /** Whether the process is watched by slapos (a service from {@code etc/service/}). */
    public boolean isWatched() {
        return name.endsWith("-on-watch");
    }

    /** Parses supervisorctl status output; lines that are not process lines are skipped. */
    public static List<ProcessStatus> parseAll(String output) {
        List<ProcessStatus> all = new ArrayList<>();
        for (String line : output.split("\n")) {
            parse(line).ifPresent(all::add);
        }
        return all;
    }

    public static Optional<ProcessStatus> parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        ProcessState state = ProcessState.parse(m.group(2));
        if (state == ProcessState.UNKNOWN && !m.group(2).equals("UNKNOWN")) {
            return Optional.empty();
        }
        String fullName = m.group(1);
        int colon = fullName.indexOf(':');
        String group = colon < 0 ? "" : fullName.substring(0, colon);
        String name = colon < 0 ? fullName : fullName.substring(colon + 1);
        String description = m.group(3) == null ? "" : m.group(3).strip();
        Matcher running = RUNNING.matcher(description);
        OptionalLong pid = OptionalLong.empty();
        Optional<String> uptime = Optional.empty();
        if (running.find()) {
            pid = OptionalLong.of(Long.parseLong(running.group(1)));
            uptime = Optional.of(running.group(2));
        }
        return Optional.of(new ProcessStatus(group, name, state, pid, uptime, description));
    }
}
