package org.slapdesk.remote.action.storage;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slapdesk.remote.file.RemoteFile;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.Shell;

/**
 * The extra disks' mount points {@code BASE/data1, BASE/data2…} on a node: what fstab lists,
 * what is mounted, and which dataN is the next free one.
 */
final class DataMounts {

    private final String base;
    private final List<FstabEntry> fstab;
    private final Set<String> mounted;

    private DataMounts(String base, List<FstabEntry> fstab, Set<String> mounted) {
        this.base = base;
        this.fstab = fstab;
        this.mounted = mounted;
    }

    static DataMounts read(NodeConnection node, String base) throws NodeException {
        List<FstabEntry> fstab =
                FstabEntry.parse(new RemoteFile(node).read("/etc/fstab").text());
        Set<String> mounted = new HashSet<>(node.run("findmnt -rn -o TARGET")
                .requireOk()
                .stdout()
                .lines()
                .map(String::strip)
                .toList());
        return new DataMounts(base, fstab, mounted);
    }

    String mountPoint(int number) {
        return base + "/data" + number;
    }

    /** True for {@code BASE/dataN}. */
    boolean isDataMountPoint(String path) {
        return isDataMountPoint(base, path);
    }

    static boolean isDataMountPoint(String base, String path) {
        return Pattern.matches(Pattern.quote(base + "/data") + "[1-9][0-9]*", path);
    }

    /** The BASE/dataN folders something is mounted on. */
    List<String> mountedDataFolders() {
        return mounted.stream().filter(this::isDataMountPoint).sorted().toList();
    }

    List<FstabEntry> fstab() {
        return fstab;
    }

    boolean isMounted(String mountPoint) {
        return mounted.contains(mountPoint);
    }

    /** The fstab lines under BASE/dataN. */
    List<FstabEntry> dataEntries() {
        return fstab.stream().filter(e -> isDataMountPoint(e.mountPoint())).toList();
    }

    /**
     * The first {@code BASE/dataN} that nothing uses: not in fstab, not mounted, not planned
     * already ({@code taken}), and not a folder with files in it (mounting would hide them).
     */
    String nextFree(NodeConnection node, Set<String> taken) throws NodeException {
        for (int n = 1; ; n++) {
            String candidate = mountPoint(n);
            boolean used = taken.contains(candidate)
                    || mounted.contains(candidate)
                    || fstab.stream().anyMatch(e -> e.mountPoint().equals(candidate));
            if (!used && isEmptyOrAbsent(node, candidate)) {
                return candidate;
            }
        }
    }

    private static boolean isEmptyOrAbsent(NodeConnection node, String folder) throws NodeException {
        String f = Shell.quote(folder);
        return node.run("[ ! -e " + f + " ] || { [ -d " + f + " ] && [ -z \"$(ls -A " + f + ")\" ]; }")
                .ok();
    }
}
