package org.slapdesk.remote.action.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * Extra storage for partitions: each new disk is mounted on the next free {@code BASE/dataN}
 * and listed in /etc/fstab by its UUID (so it comes back at boot whatever its device name),
 * {@code instance_storage_home = BASE} goes into slapos.cfg, and {@code slapos node format --now}
 * gives every partition its folder on each disk. A disk already mounted or listed on a dataN keeps
 * its place, so disks can be added one at a time.
 */
public final class ExtraStorageAction implements NodeAction {

    private final SlaposNode slapos;
    private final List<String> devices;
    private final String base;
    private final boolean reformat;

    public ExtraStorageAction(SlaposNode slapos, List<String> devices, String base, boolean reformat) {
        this.slapos = slapos;
        if (devices.isEmpty()) {
            throw new InvalidInputException("give at least one disk device, e.g. /dev/sdb1");
        }
        if (devices.stream().distinct().count() != devices.size()) {
            throw new InvalidInputException("a device is listed twice: " + devices);
        }
        devices.forEach(Validate::devicePath);
        this.devices = List.copyOf(devices);
        this.base = Validate.absolutePath(base);
        if (base.equals("/")) {
            throw new InvalidInputException("the storage folder cannot be / itself: use e.g. /data");
        }
        this.reformat = reformat;
    }

    @Override
    public String title() {
        return "Add " + devices.size() + " disk(s) under " + base + " for partitions";
    }

    private List<Requirement> requirements() {
        List<Requirement> needed = new ArrayList<>(List.of(Requirement.BLKID, Requirement.FINDMNT, Requirement.MOUNT));
        if (reformat) {
            needed.add(Requirement.slapos(slapos.slaposCommand()));
        }
        return needed;
    }

    static String fstabLine(Disk disk, String mountPoint) {
        return "UUID=" + disk.uuid() + " " + mountPoint + " " + disk.type() + " defaults 0 2";
    }

    /** Where each disk goes: where it is mounted or listed already, else the next free dataN. */
    private Map<Disk, String> mountPoints(NodeConnection node, List<Disk> disks, DataMounts mounts)
            throws NodeException {
        Map<Disk, String> chosen = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (Disk disk : disks) {
            Optional<FstabEntry> listed =
                    mounts.fstab().stream().filter(e -> e.names(disk)).findFirst();
            String mountPoint;
            if (disk.isMounted()) {
                if (!mounts.isDataMountPoint(disk.mountedOn())) {
                    throw new InvalidInputException(disk.device() + " is already mounted on " + disk.mountedOn()
                            + ": unmount it first, or leave it out");
                }
                mountPoint = disk.mountedOn();
            } else if (listed.isPresent()) {
                mountPoint = listed.get().mountPoint();
                if (!mounts.isDataMountPoint(mountPoint)) {
                    throw new InvalidInputException("/etc/fstab mounts " + disk.device() + " on " + mountPoint
                            + ", not on " + base + "/dataN: fix that line first, or leave the disk out");
                }
                if (mounts.isMounted(mountPoint)) {
                    throw new InvalidInputException("/etc/fstab lists " + disk.device() + " on " + mountPoint
                            + " but something else is mounted there: fix that first");
                }
            } else {
                mountPoint = mounts.nextFree(node, taken);
            }
            if (listed.isPresent() && !listed.get().mountPoint().equals(mountPoint)) {
                throw new InvalidInputException(disk.device() + " is mounted on " + mountPoint + " but /etc/fstab"
                        + " mounts it on " + listed.get().mountPoint() + ": make them agree first");
            }
            if (!taken.add(mountPoint)) {
                throw new InvalidInputException("two of the disks are on " + mountPoint);
            }
            chosen.put(disk, mountPoint);
        }
        return chosen;
    }

    @Override
    public Plan plan(NodeConnection node) throws NodeException {
        Preflight.require(node, requirements());
        RemoteFile files = new RemoteFile(node);
        List<Step> steps = new ArrayList<>();
        List<Disk> disks = new ArrayList<>();
        for (String device : devices) {
            disks.add(Disk.inspect(node, device));
        }
        DataMounts mounts = DataMounts.read(node, base);
        Map<Disk, String> mountPoints = mountPoints(node, disks, mounts);
        StringBuilder fstabAdd = new StringBuilder();
        boolean changed = false;
        if (!node.run(Shell.command("test", "-d", base)).ok()) {
            steps.add(Step.CommandStep.of(
                    "create " + base, Shell.command("mkdir", "-p", base), Shell.command("rmdir", base)));
            changed = true;
        }
        for (Map.Entry<Disk, String> entry : mountPoints.entrySet()) {
            Disk disk = entry.getKey();
            String mp = entry.getValue();
            if (!node.run(Shell.command("test", "-d", mp)).ok()) {
                steps.add(Step.CommandStep.of("create " + mp, Shell.command("mkdir", mp), Shell.command("rmdir", mp)));
                changed = true;
            }
            if (!disk.isMounted()) {
                steps.add(Step.CommandStep.of(
                        "mount " + disk.device() + " (" + disk.type() + ") on " + mp,
                        Shell.command("mount", "-t", disk.type(), disk.device(), mp),
                        Shell.command("umount", mp)));
                changed = true;
            }
            if (mounts.fstab().stream().noneMatch(e -> e.names(disk))) {
                fstabAdd.append(fstabLine(disk, mp)).append('\n');
            }
        }
        if (fstabAdd.length() > 0) {
            String add = fstabAdd.toString();
            FileChange change =
                    files.plan("/etc/fstab", old -> (old.isEmpty() || old.endsWith("\n") ? old : old + "\n") + add);
            steps.add(new Step.FileStep("mount them at boot by UUID", change));
            changed = true;
        }
        FileChange cfg = SlaposConfig.planEdit(
                node, slapos.configPath(), ini -> ini.set(SlaposConfig.SLAPOS, "instance_storage_home", base));
        if (!cfg.isNoOp()) {
            steps.add(new Step.FileStep("instance_storage_home = " + base, cfg));
            changed = true;
        }
        if (reformat && (changed || !partitionFoldersPresent(node, mountPoints.values()))) {
            steps.add(Step.CommandStep.withoutUndo(
                            "format: give every partition its folder on the disks", slapos.command("format", "--now"))
                    .withTimeout(Duration.ofMinutes(15)));
        }
        return new Plan(
                title(),
                node.target().display(),
                steps,
                List.of("a disk must already hold a file system; nothing here formats a disk"));
    }

    private boolean partitionFoldersPresent(NodeConnection node, Collection<String> mountPoints) throws NodeException {
        IniFile ini = SlaposConfig.read(node, slapos.configPath());
        String partitionBase =
                ini.get(SlaposConfig.SLAPFORMAT, "partition_base_name").orElse("slappart");
        for (String mountPoint : mountPoints) {
            if (!node.run(Shell.command("test", "-d", mountPoint + "/" + partitionBase + "0"))
                    .ok()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Verification verify(NodeConnection node) throws NodeException {
        List<String> problems = new ArrayList<>();
        DataMounts mounts = DataMounts.read(node, base);
        List<String> mountPoints = new ArrayList<>();
        for (String device : devices) {
            Disk disk = Disk.inspect(node, device);
            if (!mounts.isDataMountPoint(disk.mountedOn())) {
                problems.add(disk.device() + " is not mounted on " + base + "/dataN");
                continue;
            }
            mountPoints.add(disk.mountedOn());
            if (mounts.fstab().stream()
                    .noneMatch(e -> e.names(disk) && e.mountPoint().equals(disk.mountedOn()))) {
                problems.add("/etc/fstab has no line for UUID=" + disk.uuid() + " on " + disk.mountedOn());
            }
        }
        IniFile ini = SlaposConfig.read(node, slapos.configPath());
        if (!ini.get(SlaposConfig.SLAPOS, "instance_storage_home").orElse("").equals(base)) {
            problems.add("instance_storage_home is not " + base);
        }
        if (reformat && !partitionFoldersPresent(node, mountPoints)) {
            problems.add("format did not create the partition folders on the disks");
        }
        return new Verification(problems);
    }
}
