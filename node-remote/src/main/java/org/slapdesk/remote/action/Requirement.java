package org.slapdesk.remote.action;

/** A program a plan runs on the node, and what the operator installs to get it. */
public record Requirement(String command, String install) {

    public static final Requirement IP = new Requirement("ip", "install iproute2 (apt-get install iproute2)");
    public static final Requirement SOCAT = new Requirement("socat", "install socat (apt-get install socat)");
    public static final Requirement BLKID = new Requirement("blkid", "install util-linux (apt-get install util-linux)");
    public static final Requirement FINDMNT =
            new Requirement("findmnt", "install util-linux (apt-get install util-linux)");
    public static final Requirement MOUNT = new Requirement("mount", "install mount (apt-get install mount)");
    public static final Requirement RE6ST_CONF = new Requirement(
            "re6st-conf", "install re6st-node first (slapdesk node re6st install, or the re6st-node package)");

    /** The node's slapos command (a name in its PATH or an absolute path). */
    public static Requirement slapos(String command) {
        return new Requirement(
                command,
                "install slapos.core (pip install slapos.core or the slapos-node package)"
                        + (command.startsWith("/") ? ", or give the path where slapos is" : ""));
    }
}
