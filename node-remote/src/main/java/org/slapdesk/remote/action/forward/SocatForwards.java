package org.slapdesk.remote.action.forward;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.Shell;

/**
 * Where a node keeps its forwards: a systemd unit {@code /etc/systemd/system/NAME.service}
 * when systemd runs, otherwise a supervising script {@code /usr/local/sbin/NAME} (a loop that
 * restarts socat if it dies) started detached, with its pid in {@code /run/NAME.pid} and an
 * {@code @reboot} line in {@code /etc/cron.d/NAME} to start it again after a reboot.
 */
public final class SocatForwards {

    static final String UNIT_DIR = "/etc/systemd/system";
    static final String SCRIPT_DIR = "/usr/local/sbin";

    /** A forward found on the node and whether it runs now. */
    public record Installed(Forward forward, String file, boolean running) {
        /** {@code *:80 -> 10.0.97.156:8080  running  (/etc/systemd/system/...)}. */
        public String describe() {
            return forward + (running ? "  running" : "  NOT running") + "  (" + file + ")";
        }

        /** The name its files carry on the node: the forward's, or the legacy one of an older version. */
        public String name() {
            String base = file.substring(file.lastIndexOf('/') + 1);
            return base.endsWith(".service") ? base.substring(0, base.length() - ".service".length()) : base;
        }
    }

    private SocatForwards() {}

    public static boolean hasSystemd(NodeConnection node) throws NodeException {
        return node.run("[ -d /run/systemd/system ]").ok();
    }

    static String unitPath(Forward f) {
        return unitPath(f.name());
    }

    static String unitPath(String name) {
        return UNIT_DIR + "/" + name + ".service";
    }

    static String scriptPath(Forward f) {
        return scriptPath(f.name());
    }

    static String scriptPath(String name) {
        return SCRIPT_DIR + "/" + name;
    }

    static String pidPath(Forward f) {
        return pidPath(f.name());
    }

    static String pidPath(String name) {
        return "/run/" + name + ".pid";
    }

    static String cronPath(Forward f) {
        return cronPath(f.name());
    }

    static String cronPath(String name) {
        return "/etc/cron.d/" + name;
    }

    static String unitText(Forward f, String socat) {
        return "# " + f.marker() + "\n"
                // StartLimitIntervalSec=0: keep retrying, e.g. while the bind address is not up yet at boot
                + "[Unit]\nDescription=Slapdesk socat forward " + f + "\nAfter=network-online.target\n"
                + "Wants=network-online.target\nStartLimitIntervalSec=0\n\n"
                + "[Service]\nExecStart=" + socat + " " + String.join(" ", f.socatArguments()) + "\n"
                // socat exits 143 on SIGTERM: without this every stop left the unit "failed"
                // and the node's systemd "degraded"
                + "Restart=always\nRestartSec=2\nSuccessExitStatus=143\n\n[Install]\nWantedBy=multi-user.target\n";
    }

    static String scriptText(Forward f, String socat) {
        return "#!/bin/sh\n# " + f.marker() + "\n"
                + "# Supervises socat: starts it again if it dies. Stop: kill -TERM -$(cat " + pidPath(f) + ")\n"
                + "echo $$ > " + pidPath(f) + "\n"
                + "while :; do\n  " + Shell.command(socat) + " " + Shell.command(f.socatArguments())
                + "\n  sleep 1\ndone\n";
    }

    /** The command that starts the supervising script detached (its own session and process group). */
    static String startScript(Forward f) {
        return startScript(f.name());
    }

    static String startScript(String name) {
        return "setsid -f " + Shell.quote(scriptPath(name)) + " </dev/null >>"
                + Shell.quote("/var/log/" + name + ".log") + " 2>&1; i=0; while [ ! -s " + pidPath(name)
                + " ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done";
    }

    static String stopScript(Forward f) {
        return stopScript(f.name());
    }

    static String stopScript(String name) {
        String pid = Shell.quote(pidPath(name));
        return "if [ -s " + pid + " ]; then g=$(cat " + pid + "); kill -TERM -$g 2>/dev/null; rm -f " + pid + ";"
                + " i=0; while [ -n \"$(ps -o stat= -g $g 2>/dev/null | grep -v Z)\" ] && [ $i -lt 50 ]; do"
                + " sleep 0.1; i=$((i+1)); done; fi; true";
    }

    /**
     * A script that exits 0 once the forward's own socat listens on its port, within 5 s: the
     * unit's main process (systemd), or a process of the supervising script's group. Something
     * else holding the port (socat then fails to listen) does not count.
     */
    static String ownListenerCheck(Forward f, boolean systemd) {
        String owner = systemd
                ? "p=$(systemctl show -P MainPID " + Shell.quote(f.name()) + "); [ \"$p\" != 0 ] &&"
                        + " ss -Htlnp 'sport = :" + f.listenPort() + "' | grep -q \"pid=$p,\""
                : "g=$(cat " + Shell.quote(pidPath(f)) + " 2>/dev/null) && [ -n \"$g\" ] &&"
                        + " for l in $(ss -Htlnp 'sport = :" + f.listenPort()
                        + "' | grep -o 'pid=[0-9]*' | cut -d= -f2); do"
                        // an empty loop exits 0: only a listener of the script's group may say yes
                        + " [ \"$(ps -o pgid= -p $l | tr -d ' ')\" = \"$g\" ] && exit 0; done; exit 1";
        return "i=0; while [ $i -lt 50 ]; do (" + owner + ") && exit 0; sleep 0.1; i=$((i+1)); done; exit 1";
    }

    /** Every forward Slapdesk made on the node (not the dated backups of removed ones). */
    public static List<Installed> list(NodeConnection node) throws NodeException {
        String out = node.run(
                        "for f in " + UNIT_DIR + "/slapdesk-socat-*.service " + SCRIPT_DIR + "/slapdesk-socat-*; do"
                                + " [ -f \"$f\" ] || continue; case \"$f\" in *.slapdesk-*) continue;; esac;"
                                + " n=$(basename \"$f\" .service);"
                                + " if [ \"${f%.service}\" != \"$f\" ]; then systemctl is-active --quiet \"$n\" && s=up || s=down;"
                                + " else p=/run/$n.pid; [ -s \"$p\" ] && kill -0 $(cat \"$p\") 2>/dev/null && s=up || s=down; fi;"
                                + " echo \"$s $f $(grep -m1 slapdesk-forward: \"$f\")\"; done; true")
                .requireOk()
                .stdout();
        List<Installed> found = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] parts = line.split(" ", 3);
            if (parts.length < 3) {
                continue;
            }
            Optional<Forward> forward = Forward.parseMarker(parts[2]);
            forward.ifPresent(f -> found.add(new Installed(f, parts[1], parts[0].equals("up"))));
        }
        return found;
    }
}
