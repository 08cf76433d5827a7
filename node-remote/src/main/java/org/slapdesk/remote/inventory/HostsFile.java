package org.slapdesk.remote.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slapdesk.remote.ssh.SshAddress;

/** A hosts file: one {@code [user@]host[:port]} per line, {@code #} comments and blank lines skipped. */
public final class HostsFile {

    private HostsFile() {}

    /** The hosts a file names, and one text per line that is not a host ("line 3: …"). */
    public record Read(List<SshAddress> hosts, List<String> problems) {
        public Read {
            hosts = List.copyOf(hosts);
            problems = List.copyOf(problems);
        }
    }

    /** Every line read: the good ones as hosts, in order, the bad ones named with their line number. */
    public static Read read(List<String> lines) {
        List<SshAddress> hosts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                hosts.add(SshAddress.parse(line));
            } catch (IllegalArgumentException e) {
                problems.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new Read(hosts, problems);
    }

    /** The hosts in order; a bad line throws an IllegalArgumentException naming {@code source} and its line. */
    public static List<SshAddress> parse(List<String> lines, String source) {
        Read read = read(lines);
        if (!read.problems().isEmpty()) {
            throw new IllegalArgumentException(source + " " + read.problems().get(0));
        }
        return read.hosts();
    }

    /** The same hosts as nodes to import (no name, key or jump host: the options give those). */
    public static List<ImportedNode> nodes(List<String> lines, String source) {
        return parse(lines, source).stream()
                .map(a -> new ImportedNode("", a, Optional.empty(), Optional.empty()))
                .toList();
    }
}
