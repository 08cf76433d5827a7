package org.slapdesk.remote.action.storage;

import java.util.regex.Pattern;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.Shell;

/** A disk as the node sees it: its file system's UUID and type, and where it is mounted (empty: nowhere). */
record Disk(String device, String uuid, String type, String mountedOn) {

    private static final Pattern UUID = Pattern.compile("[0-9A-Fa-f-]{8,36}");
    private static final Pattern FSTYPE = Pattern.compile("[a-z0-9]{2,12}");

    static Disk inspect(NodeConnection node, String device) throws NodeException {
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

    boolean isMounted() {
        return !mountedOn.isEmpty();
    }

    private static String value(String out, String key) {
        return out.lines()
                .filter(l -> l.startsWith(key + "="))
                .map(l -> l.substring(key.length() + 1).trim())
                .findFirst()
                .orElse("");
    }
}
