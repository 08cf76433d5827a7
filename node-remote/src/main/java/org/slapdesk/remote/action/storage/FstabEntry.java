package org.slapdesk.remote.action.storage;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

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

    /** An edit of fstab's text that drops the active lines mounting on {@code mountPoint}, keeping every other line as it is. */
    static UnaryOperator<String> withoutMountPoint(String mountPoint) {
        return text -> text.lines()
                .filter(l -> parse(l).stream().noneMatch(e -> e.mountPoint().equals(mountPoint)))
                .map(l -> l + "\n")
                .collect(Collectors.joining());
    }

    /** True when this line mounts that disk, named by its UUID (quoted or not) or its device path. */
    boolean names(Disk disk) {
        return source.equals("UUID=" + disk.uuid())
                || source.equals("UUID=\"" + disk.uuid() + "\"")
                || source.equals(disk.device());
    }
}
