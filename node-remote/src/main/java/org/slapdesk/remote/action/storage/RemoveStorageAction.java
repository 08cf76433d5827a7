package org.slapdesk.remote.action.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slapdesk.core.config.IniFile;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.NodeAction;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.Preflight;
import org.slapdesk.remote.action.Requirement;
import org.slapdesk.remote.action.Step;
import org.slapdesk.remote.action.Validate;
import org.slapdesk.remote.action.Verification;
import org.slapdesk.remote.action.slapos.SlaposConfig;
import org.slapdesk.remote.action.slapos.SlaposNode;
import org.slapdesk.remote.file.FileChange;
import org.slapdesk.remote.file.RemoteFile;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.Shell;

/**
 * Takes an extra disk out again, the reverse of {@link ExtraStorageAction}: unmounts its
 * {@code BASE/dataN}, removes its /etc/fstab line, and removes {@code instance_storage_home}
 * from slapos.cfg when it was the last extra disk. Refused while a partition keeps files on it.
 * The disk is named by its device or by its mount point.
 */
public final class RemoveStorageAction implements NodeAction {

    private static final String STORAGE_HOME = "instance_storage_home";

    private final SlaposNode slapos;
    private final Optional<String> device;
    private final Optional<String> mountPoint;
    private final String base;
    private volatile String planned;

    private RemoveStorageAction(SlaposNode slapos, Optional<String> device, Optional<String> mountPoint, String base) {
        this.slapos = slapos;
        this.device = device.map(Validate::devicePath);
        this.mountPoint = mountPoint.map(Validate::absolutePath);
        this.base = Validate.absolutePath(base);
    }

    /** The disk on {@code device}, e.g. /dev/sdc1. */
    public static RemoveStorageAction ofDevice(SlaposNode slapos, String device, String base) {
        return new RemoveStorageAction(slapos, Optional.of(device), Optional.empty(), base);
    }

    /** The disk mounted on {@code mountPoint}, e.g. /data/data2. */
    public static RemoveStorageAction ofMountPoint(SlaposNode slapos, String mountPoint, String base) {
        RemoveStorageAction action = new RemoveStorageAction(slapos, Optional.empty(), Optional.of(mountPoint), base);
        if (!DataMounts.isDataMountPoint(action.base, action.mountPoint.orElseThrow())) {
            throw new InvalidInputException(mountPoint + " is not one of the extra disks' folders: give " + action.base
                    + "/dataN (or --base for another storage folder)");
        }
        return action;
    }

    /** Either a device or a mount point, as the command line and the window give them (blank: not given). */
    public static RemoveStorageAction of(SlaposNode slapos, String device, String mountPoint, String base) {
        boolean hasDevice = device != null && !device.isBlank();
        boolean hasMount = mountPoint != null && !mountPoint.isBlank();
        if (hasDevice == hasMount) {
            throw new InvalidInputException(
                    "name the disk to remove by its device (e.g. /dev/sdc1) or by its folder (e.g. /data/data2), not both");
        }
        return hasDevice ? ofDevice(slapos, device.strip(), base) : ofMountPoint(slapos, mountPoint.strip(), base);
    }

    @Override
    public String title() {
        return "Remove the extra disk " + device.or(() -> mountPoint).orElseThrow() + " from " + base;
    }

    /** What is mounted where: the disk's mount point, and its device and type when mounted. */
    private record Target(String mountPoint, Optional<String> source, Optional<String> type) {}

    private Target find(NodeConnection node, DataMounts mounts) throws NodeException {
        String where;
        if (device.isPresent()) {
            Disk disk = Disk.inspect(node, device.get());
            Optional<String> listed = mounts.fstab().stream()
                    .filter(e -> e.names(disk))
                    .map(FstabEntry::mountPoint)
                    .findFirst();
            where = disk.isMounted() ? disk.mountedOn() : listed.orElse("");
            if (!mounts.isDataMountPoint(where)) {
                throw new InvalidInputException(device.get() + " is not one of the extra disks under " + base
                        + (where.isEmpty() ? " (not mounted, not in /etc/fstab)" : " (it is on " + where + ")"));
            }
        } else {
            where = mountPoint.orElseThrow();
        }
        String[] mounted = node.run("findmnt -n -o SOURCE,FSTYPE --mountpoint " + Shell.quote(where) + " | head -1")
                .requireOk()
                .stdout()
                .strip()
                .split("\\s+");
        if (mounted.length == 2) {
            return new Target(where, Optional.of(mounted[0]), Optional.of(mounted[1]));
        }
        return new Target(where, Optional.empty(), Optional.empty());
    }

    @Override
    public Plan plan(NodeConnection node) throws NodeException {
        Preflight.require(node, List.of(Requirement.BLKID, Requirement.FINDMNT, Requirement.MOUNT));
        DataMounts mounts = DataMounts.read(node, base);
        Target target = find(node, mounts);
        String where = target.mountPoint();
        planned = where;
        boolean listed = mounts.fstab().stream().anyMatch(e -> e.mountPoint().equals(where));
        if (target.source().isEmpty() && !listed) {
            throw new InvalidInputException(
                    "no disk is mounted on " + where + " and /etc/fstab has no line for it: nothing to remove");
        }
        List<String> usedBy = partitionsWithFiles(node, where, target.source().isPresent());
        if (!usedBy.isEmpty()) {
            throw new InvalidInputException("partitions still keep files on " + where + " (" + String.join(", ", usedBy)
                    + "): destroy or move the services of those partitions first, or copy the files elsewhere and"
                    + " empty these folders; then remove the disk");
        }
        List<Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (target.source().isPresent()) {
            steps.add(Step.CommandStep.of(
                    "unmount " + target.source().get() + " from " + where,
                    Shell.command("umount", where),
                    Shell.command(
                            "mount",
                            "-t",
                            target.type().orElseThrow(),
                            target.source().get(),
                            where)));
        }
        RemoteFile files = new RemoteFile(node);
        if (listed) {
            FileChange fstab = files.plan("/etc/fstab", FstabEntry.withoutMountPoint(where));
            steps.add(new Step.FileStep("no longer mount " + where + " at boot", fstab));
        }
        boolean last =
                mounts.dataEntries().stream().allMatch(e -> e.mountPoint().equals(where))
                        && mounts.mountedDataFolders().stream().allMatch(where::equals);
        if (last) {
            FileChange cfg = SlaposConfig.planEdit(node, slapos.configPath(), ini -> {
                if (pointsHere(ini)) {
                    ini.remove(SlaposConfig.SLAPOS, STORAGE_HOME);
                }
            });
            if (!cfg.isNoOp()) {
                steps.add(new Step.FileStep("it was the last extra disk: no more " + STORAGE_HOME, cfg));
            }
        }
        notes.add("the disk's data stays on it; the empty folder " + where + " stays on the node");
        return new Plan(title(), node.target().display(), steps, notes);
    }

    /** The partition folders on the disk that hold anything (format's own empty folders do not count). */
    private static List<String> partitionsWithFiles(NodeConnection node, String where, boolean mounted)
            throws NodeException {
        if (!mounted) {
            return List.of();
        }
        String w = Shell.quote(where);
        return node.run("for p in " + w + "/*/; do [ -d \"$p\" ] && [ -n \"$(ls -A \"$p\")\" ]"
                        + " && basename \"$p\"; done; true")
                .requireOk()
                .stdout()
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.equals("lost+found"))
                .toList();
    }

    /** instance_storage_home names this storage folder (another one is not ours to remove). */
    private boolean pointsHere(IniFile ini) {
        return ini.get(SlaposConfig.SLAPOS, STORAGE_HOME).map(String::strip).equals(Optional.of(base));
    }

    @Override
    public Verification verify(NodeConnection node) throws NodeException {
        List<String> problems = new ArrayList<>();
        DataMounts mounts = DataMounts.read(node, base);
        String where = planned;
        if (where == null) {
            throw new IllegalStateException("verify() checks the last plan: call plan() first");
        }
        if (mounts.isMounted(where)) {
            problems.add(where + " is still mounted");
        }
        if (mounts.fstab().stream().anyMatch(e -> e.mountPoint().equals(where))) {
            problems.add("/etc/fstab still mounts " + where);
        }
        if (mounts.dataEntries().isEmpty()
                && mounts.mountedDataFolders().isEmpty()
                && pointsHere(SlaposConfig.read(node, slapos.configPath()))) {
            problems.add(STORAGE_HOME + " is still in slapos.cfg");
        }
        return new Verification(problems);
    }
}
