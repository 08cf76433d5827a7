package org.slapdesk.remote.action.bridge;

import java.time.Duration;
import java.util.List;
import org.slapdesk.remote.ssh.Shell;

/**
 * The node-side half of confirm-or-revert: a shell script that, once armed, saves the files a
 * network change edits, then sleeps in its own session (it outlives the SSH connection) and, unless
 * confirmed within its deadline counted from the network switch, puts those files and the previous network back, logs it and removes
 * itself. Confirming, reverting at once and the timer's own revert race for one {@code mkdir}
 * so exactly one of them happens.
 *
 * <pre>
 *   guard.sh arm      save the files, sleep, then revert (started detached by {@link #armCommand})
 *   guard.sh confirm  keep the new network: stop the timer, remove the guard (exit 3: too late)
 *   guard.sh now      revert at once (a rollback)
 *   guard.sh disarm   stop the timer without reverting (the files were not changed yet)
 * </pre>
 */
final class RevertGuard {

    static final String BASE = "/run/slapdesk";
    static final int TOO_LATE = 3;

    private final String name;
    private final List<String> files;
    private final List<String> restoreNetwork;
    private final Duration deadline;

    /** {@code name}: a file-name-safe id (the bridge name); {@code files}: absolute paths to save and put back. */
    RevertGuard(String name, List<String> files, List<String> restoreNetwork, Duration deadline) {
        this.name = name;
        this.files = List.copyOf(files);
        this.restoreNetwork = List.copyOf(restoreNetwork);
        this.deadline = deadline;
    }

    String dir() {
        return BASE + "/guard-" + name;
    }

    String script() {
        return dir() + "/guard.sh";
    }

    /** Where the guard writes what it did (kept after it removed itself). */
    String log() {
        return BASE + "/guard-" + name + ".log";
    }

    String switchScript() {
        return dir() + "/switch.sh";
    }

    /** Marker the switch script leaves when it finished. */
    String switched() {
        return dir() + "/switched";
    }

    String scriptText() {
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/sh\n");
        s.append("# Slapdesk revert guard: unless confirmed within ")
                .append(deadline.toSeconds())
                .append(" s, puts back the files below and the previous network.\n");
        s.append("d=").append(Shell.quote(dir())).append("\n");
        s.append("log=").append(Shell.quote(log())).append("\n");
        s.append("save() { if [ -e \"$1\" ]; then cp -p -- \"$1\" \"$d/$2\"; else : > \"$d/$2.absent\"; fi; }\n");
        s.append(
                "put_back() { if [ -e \"$d/$2.absent\" ]; then rm -f -- \"$1\";"
                        + " elif [ -e \"$d/$2\" ]; then cp -p -- \"$d/$2\" \"$1.slapdesk-revert\" && mv -f -- \"$1.slapdesk-revert\" \"$1\"; fi; }\n");
        s.append("stop_timer() { p=$(cat \"$d/pid\" 2>/dev/null) && kill -TERM \"-$p\" 2>/dev/null; true; }\n");
        s.append("revert() {\n");
        s.append("  echo \"$(date '+%F %T') reverting: putting back the previous network\"\n");
        for (int i = 0; i < files.size(); i++) {
            s.append("  put_back ")
                    .append(Shell.quote(files.get(i)))
                    .append(" file")
                    .append(i + 1)
                    .append('\n');
        }
        for (String command : restoreNetwork) {
            s.append("  ").append(command).append('\n');
        }
        s.append("  echo \"$(date '+%F %T') previous network put back\"\n");
        s.append("}\n");
        s.append("case \"$1\" in\n");
        s.append("arm)\n");
        for (int i = 0; i < files.size(); i++) {
            s.append("  save ")
                    .append(Shell.quote(files.get(i)))
                    .append(" file")
                    .append(i + 1)
                    .append('\n');
        }
        s.append("  echo $$ > \"$d/pid\"; : > \"$d/armed\"\n");
        s.append("  echo \"$(date '+%F %T') armed: puts the previous network back ")
                .append(deadline.toSeconds())
                .append(" s after the switch unless confirmed\" >> \"$log\"\n");
        // the clock starts when the switch does; a switch that never comes (a failed apply whose
        // rollback could not reach the node) counts as one at the end of this wait
        s.append("  i=0; while [ ! -e \"$d/switching\" ] && [ $i -lt ")
                .append(deadline.toSeconds())
                .append(" ]; do sleep 1; i=$((i+1)); done\n");
        s.append("  sleep ").append(deadline.toSeconds()).append('\n');
        s.append("  mkdir \"$d/decided\" 2>/dev/null || exit 0\n");
        s.append("  revert >> \"$log\" 2>&1; rm -rf -- \"$d\" ;;\n");
        s.append("now)\n");
        s.append("  mkdir \"$d/decided\" 2>/dev/null || exit 0\n");
        s.append("  stop_timer; revert >> \"$log\" 2>&1; rm -rf -- \"$d\" ;;\n");
        s.append("confirm|disarm)\n");
        s.append(
                        "  mkdir \"$d/decided\" 2>/dev/null || { echo 'too late: the node is already putting back its previous network' >&2; exit ")
                .append(TOO_LATE)
                .append("; }\n");
        s.append(
                "  stop_timer; echo \"$(date '+%F %T') $1: the guard is removed\" >> \"$log\"; rm -rf -- \"$d\"; echo \"$1\" ;;\n");
        s.append("*) echo \"usage: $0 arm|confirm|now|disarm\" >&2; exit 2 ;;\n");
        s.append("esac\n");
        return s.toString();
    }

    /**
     * The switch script: waits until the SSH command that started it (pids {@code $1 $2}) has
     * ended and a second more, so that command's result reaches the console before the
     * network changes, then runs {@code commands}.
     */
    String switchText(List<String> commands) {
        StringBuilder s = new StringBuilder("#!/bin/sh\n# Slapdesk: the network change the guard reverts\n");
        s.append(
                "i=0; for p in \"$1\" \"$2\"; do while [ -n \"$p\" ] && kill -0 \"$p\" 2>/dev/null && [ $i -lt 300 ]; do"
                        + " sleep 0.1; i=$((i+1)); done; done\nsleep 1\n");
        s.append(": > ").append(Shell.quote(dir() + "/switching")).append('\n');
        for (String command : commands) {
            s.append(command)
                    .append(" || echo ")
                    .append(Shell.quote("failed: " + command))
                    .append('\n');
        }
        s.append(": > ").append(Shell.quote(switched())).append('\n');
        return s.toString();
    }

    /** Starts the guard in its own session and waits until it has saved the files. */
    String armCommand() {
        String d = Shell.quote(dir());
        return "setsid sh " + Shell.quote(script()) + " arm </dev/null >>" + Shell.quote(log()) + " 2>&1 &"
                + " i=0; while [ ! -e " + d + "/armed ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done;"
                + " [ -e " + d + "/armed ] || { echo 'the revert guard did not start' >&2; exit 1; };"
                + " echo \"revert guard armed (pid $(cat " + d + "/pid)): it reverts " + deadline.toSeconds()
                + " s after the network switch unless confirmed\"";
    }

    /** Starts the switch script detached, so the SSH path it may cut is not needed to finish it. */
    String switchCommand() {
        return "setsid sh " + Shell.quote(switchScript()) + " $$ $PPID </dev/null >>" + Shell.quote(log()) + " 2>&1 &"
                + " echo 'the network switches 1 s after this command has returned'";
    }

    String run(String mode) {
        return "if [ -e " + Shell.quote(script()) + " ]; then sh " + Shell.quote(script()) + " " + mode + "; fi";
    }
}
