package org.slapdesk.remote.action.re6st;

import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;

/**
 * Whether re6stnet runs on a node (seed 003: {@code service re6stnet status}), and how that was
 * found: {@code systemctl is-active re6stnet} where systemd runs (not installed when systemd has
 * no such unit), else the init script's
 * {@code status} (LSB exit codes), else the process list (a process named re6stnet, or one
 * running {@code .../bin/re6stnet}; the bracket keeps the probe from finding itself).
 */
public record Re6stStatus(State state, String how, String detail) {

    public enum State {
        ACTIVE,
        ACTIVATING,
        INACTIVE,
        FAILED,
        NOT_INSTALLED,
        UNKNOWN;

        public boolean isUp() {
            return this == ACTIVE;
        }
    }

    private static final String PROBE = "if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then"
            + " echo '@systemd'; systemctl is-active re6stnet; echo \"@rc $?\";"
            + " [ \"$(systemctl show -P LoadState re6stnet 2>/dev/null)\" = not-found ] && echo '@no-unit';"
            + " elif [ -x /etc/init.d/re6stnet ]; then echo '@initd'; /etc/init.d/re6stnet status >/dev/null 2>&1; echo \"@rc $?\";"
            + " else echo '@ps'; pgrep -x re6stnet >/dev/null 2>&1 || pgrep -f 'bin/re6stne[t]( |$)' >/dev/null 2>&1; echo \"@rc $?\";"
            + " command -v re6stnet >/dev/null 2>&1 && echo '@installed'; fi; true";

    public static Re6stStatus of(NodeConnection node) throws NodeException {
        return parse(node.run(PROBE).requireOk().stdout());
    }

    /** Reads what {@link #PROBE} printed. */
    static Re6stStatus parse(String out) {
        String method = "";
        String answer = "";
        int rc = -1;
        boolean installed = false;
        boolean noUnit = false;
        for (String line : out.split("\n")) {
            String t = line.strip();
            if (t.startsWith("@rc ")) {
                rc = Integer.parseInt(t.substring(4).trim());
            } else if (t.equals("@installed")) {
                installed = true;
            } else if (t.equals("@no-unit")) {
                noUnit = true;
            } else if (t.startsWith("@")) {
                method = t;
            } else if (!t.isEmpty()) {
                answer = t;
            }
        }
        return switch (method) {
            // is-active says "inactive" for a unit systemd does not know: that is not installed
            case "@systemd" ->
                noUnit
                        ? new Re6stStatus(State.NOT_INSTALLED, "systemd knows no re6stnet unit", "no re6stnet.service")
                        : new Re6stStatus(systemd(answer), "systemctl is-active re6stnet", answer);
            case "@initd" ->
                new Re6stStatus(
                        lsb(rc), "no systemd on the node: /etc/init.d/re6stnet status (exit " + rc + ")", "exit " + rc);
            case "@ps" ->
                rc == 0
                        ? new Re6stStatus(
                                State.ACTIVE, "no systemd and no init script: a re6stnet process runs", "process found")
                        : new Re6stStatus(
                                installed ? State.INACTIVE : State.NOT_INSTALLED,
                                "no systemd and no init script: no re6stnet process"
                                        + (installed ? "" : " and no re6stnet command"),
                                installed ? "installed, not running" : "not installed");
            default -> new Re6stStatus(State.UNKNOWN, "the node's answer was not understood", out.strip());
        };
    }

    /** {@code systemctl is-active}'s words. */
    static State systemd(String word) {
        return switch (word) {
            case "active", "reloading" -> State.ACTIVE;
            case "activating" -> State.ACTIVATING;
            case "inactive", "deactivating" -> State.INACTIVE;
            case "failed" -> State.FAILED;
            default -> State.UNKNOWN;
        };
    }

    /** LSB init script status codes: 0 running, 1-3 stopped (1, 2: dead with a pid/lock file), 4 unknown. */
    static State lsb(int code) {
        return switch (code) {
            case 0 -> State.ACTIVE;
            case 1, 2 -> State.FAILED;
            case 3 -> State.INACTIVE;
            default -> State.UNKNOWN;
        };
    }

    public String describe() {
        return "re6stnet: " + state.name().toLowerCase().replace('_', ' ') + " (" + how + ")";
    }
}
