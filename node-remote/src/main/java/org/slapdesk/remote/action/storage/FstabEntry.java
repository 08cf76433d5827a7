package org.slapdesk.remote.action.storage;

import java.util.List;

/** One active line of /etc/fstab: what is mounted ({@code UUID=…} or a device) and where. */
record FstabEntry(String source, String mountPoint, String line) {

    static List<FstabEntry> parse(String fstab) {
        return fstab.lines()
                .filter(l -> !l.isBlank() && !l.strip().startsWith("#"))
                .map(l -> l.strip().split("\\s+"))
                .filter(fields -> fields.length > 1)
                .map(fields -> new FstabEntry(fields[0], fields[1], String.join(" ", fields)))
                .toList();
    }

    /** True when this line mounts that disk, named by its UUID (quoted or not) or its device path. */
    boolean names(Disk disk) {
        return source.equals("UUID=" + disk.uuid())
                || source.equals("UUID=\"" + disk.uuid() + "\"")
                || source.equals(disk.device());
    }
}
