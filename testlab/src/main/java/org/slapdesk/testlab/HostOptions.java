package org.slapdesk.testlab;

/**
 * How {@link TestLab#startHost(HostOptions)} makes a host. {@code systemd}: the host's pid 1 is
 * a real systemd (in its own cgroup namespace, with read-only {@code /sys} and {@code /proc/sys}
 * but a writable {@code /proc/sys/net}) that starts the host's sshd as
 * {@code testlab-sshd.service}; without it, sshd is pid 1 and nothing manages services.
 */
public record HostOptions(boolean systemd) {

    /** sshd as pid 1, no service manager (the usual, fastest host). */
    public static HostOptions defaults() {
        return new HostOptions(false);
    }

    /** systemd as pid 1: {@code systemctl} works, {@code /run/systemd/system} exists. */
    public static HostOptions withSystemd() {
        return new HostOptions(true);
    }
}
