package org.slapdesk.remote.action.re6st;

import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;

/** Whether re6st is installed and its service runs ({@code service re6stnet status} / systemctl). */
public record Re6stStatus(boolean installed, boolean active, String summary) {

    public static Re6stStatus read(NodeConnection node) throws NodeException {
        boolean installed = node.run("command -v re6stnet >/dev/null || [ -x /usr/sbin/re6stnet ] || [ -e /etc/init.d/re6stnet ]").ok();
        if (!installed) {
            return new Re6stStatus(false, false, "re6st is not installed");
        }
        String out = node.run("if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then"
                + " systemctl status re6stnet --no-pager 2>&1 | head -5; else service re6stnet status 2>&1 | head -5; fi; true").stdout();
        boolean active = out.contains("Active: active (running)") || out.toLowerCase().contains("is running");
        return new Re6stStatus(true, active, out.strip().lines().filter(l -> l.contains("Active:") || l.contains("running")
                || l.contains("stopped") || l.contains("not")).findFirst().orElse(out.strip()));
    }
}
