package org.slapdesk.remote.action.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slapdesk.core.config.IniFile;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.NodeAction;
import org.slapdesk.remote.action.Plan;
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
 * Extra storage for partitions (seed 000, "Reformat after adding SSD Storage"): disk N is
 * mounted on {@code BASE/dataN}, listed in /etc/fstab by its UUID (so it comes back at boot
 * whatever its device name), {@code instance_storage_home = BASE} goes into slapos.cfg, and
 * {@code slapos node format --now} gives every partition its folder on each disk.
 */
public final class ExtraStorageAction implements NodeAction {

    private static final Pattern UUID = Pattern.compile("[0-9A-Fa-f-]{8,36}");
    private static final Pattern FSTYPE = Pattern.compile("[a-z0-9]{2,12}");

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

    String mountPoint(int index) {
        return base + "/data" + (index + 1);
    }

    /** A disk as the node sees it. */
    record Disk(String device, String uuid, String type, String mountedOn) {}

    Disk inspect(NodeConnection node, String device) throws NodeException {
        String d = Shell.quote(device);
        String out = node.run("[ -b " + d + " ] || { echo 'not-a-block-device'; exit 0; };"
                        + " echo \"uuid=$(blkid -s UUID -o value " + d + ")\"; echo \"type=$(blkid -s TYPE -o value "
                        + d + ")\";"
                        + " echo \"mounted=$(findmnt -n -o TARGET --source " + d + " | head -1)\"")
                .requireOk()
                .stdout();
        if (out.startsWith("not-a-block-device")) {
            throw new InvalidInputException(
                    device + " is not a block device on " + node.target().display() + " (lsblk lists the disks)");
        }
        String uuid = value(out, "uuid");
        String type = value(out, "type");
        if (uuid.isEmpty() || type.isEmpty()) {
            throw new InvalidInputException(device + " has no file system yet: create one first (e.g. mkfs.ext4 "
                    + device + "); this action never formats a disk by itself");
        }
        if (!UUID.matcher(uuid).matches() || !FSTYPE.matcher(type).matches()) {
            throw new NodeException("blkid gave an unexpected UUID/TYPE for " + device + ": " + uuid + " / " + type);
        }
        return new Disk(device, uuid, type, value(out, "mounted"));
    }

    private static String value(String out, String key) {
        return out.lines()
                .filter(l -> l.startsWith(key + "="))
                .map(l -> l.substring(key.length() + 1).trim())
                .findFirst()
                .orElse("");
    }

    static String fstabLine(Disk disk, String mountPoint) {
        return "UUID=" + disk.uuid() + " " + mountPoint + " " + disk.type() + " defaults 0 2";
    }

    @Override
    public Plan plan(NodeConnection node) throws NodeException {
        RemoteFile files = new RemoteFile(node);
        List<Step> steps = new ArrayList<>();
        List<Disk> disks = new ArrayList<>();
        for (String device : devices) {
            disks.add(inspect(node, device));
        }
        String fstab = files.read("/etc/fstab").text();
        StringBuilder fstabAdd = new StringBuilder();
        boolean changed = false;
        if (!node.run(Shell.command("test", "-d", base)).ok()) {
            steps.add(Step.CommandStep.of(
                    "create " + base, Shell.command("mkdir", "-p", base), Shell.command("rmdir", base)));
            changed = true;
        }
        for (int i = 0; i < disks.size(); i++) {
            Disk disk = disks.get(i);
            String mp = mountPoint(i);
            if (!disk.mountedOn().isEmpty() && !disk.mountedOn().equals(mp)) {
                throw new InvalidInputException(disk.device() + " is already mounted on " + disk.mountedOn()
                        + ": unmount it first, or leave it out");
            }
            if (!node.run(Shell.command("test", "-d", mp)).ok()) {
                steps.add(Step.CommandStep.of("create " + mp, Shell.command("mkdir", mp), Shell.command("rmdir", mp)));
                changed = true;
            }
            if (disk.mountedOn().isEmpty()) {
                steps.add(Step.CommandStep.of(
                        "mount " + disk.device() + " (" + disk.type() + ") on " + mp,
                        Shell.command("mount", "-t", disk.type(), disk.device(), mp),
                        Shell.command("umount", mp)));
                changed = true;
            }
            boolean listed = fstab.lines()
                    .anyMatch(l -> l.trim().startsWith("UUID=" + disk.uuid() + " ")
                            || l.trim().startsWith("UUID=\"" + disk.uuid() + "\""));
            boolean mountPointTaken = fstab.lines()
                    .map(String::trim)
                    .filter(l -> !l.startsWith("#"))
                    .anyMatch(l -> l.split("\\s+").length > 1 && l.split("\\s+")[1].equals(mp));
            if (!listed) {
                if (mountPointTaken) {
                    throw new InvalidInputException(
                            "/etc/fstab already mounts something else on " + mp + ": fix that line first");
                }
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
        if (reformat && (changed || !partitionFoldersPresent(node, disks.size()))) {
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

    private boolean partitionFoldersPresent(NodeConnection node, int count) throws NodeException {
        IniFile ini = SlaposConfig.read(node, slapos.configPath());
        String partitionBase =
                ini.get(SlaposConfig.SLAPFORMAT, "partition_base_name").orElse("slappart");
        for (int i = 0; i < count; i++) {
            if (!node.run(Shell.command("test", "-d", mountPoint(i) + "/" + partitionBase + "0"))
                    .ok()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Verification verify(NodeConnection node) throws NodeException {
        List<String> problems = new ArrayList<>();
        String fstab = new RemoteFile(node).read("/etc/fstab").text();
        for (int i = 0; i < devices.size(); i++) {
            Disk disk = inspect(node, devices.get(i));
            if (!disk.mountedOn().equals(mountPoint(i))) {
                problems.add(disk.device() + " is not mounted on " + mountPoint(i));
            }
            if (!fstab.contains("UUID=" + disk.uuid() + " ")) {
                problems.add("/etc/fstab has no line for UUID=" + disk.uuid());
            }
        }
        IniFile ini = SlaposConfig.read(node, slapos.configPath());
        if (!ini.get(SlaposConfig.SLAPOS, "instance_storage_home").orElse("").equals(base)) {
            problems.add("instance_storage_home is not " + base);
        }
        if (reformat && !partitionFoldersPresent(node, devices.size())) {
            problems.add("format did not create the partition folders on the disks");
        }
        return new Verification(problems);
    }
}
