package org.slapdesk.cli;

import java.time.Duration;
import java.util.Locale;
import org.slapdesk.remote.ssh.SshTarget;

/** How one host ended in a node command: the line printed for it at the end of the run. */
record HostResult(SshTarget target, boolean ok, String detail, Duration took) {

    static HostResult ok(SshTarget target, String detail, Duration took) {
        return new HostResult(target, true, detail, took);
    }

    static HostResult failed(SshTarget target, String reason, Duration took) {
        return new HostResult(target, false, reason, took);
    }

    String line() {
        String outcome = ok ? "ok" + (detail.isEmpty() ? "" : " (" + detail + ")") : "FAILED: " + detail;
        return target.display() + ": " + outcome + String.format(Locale.ROOT, " [%.1f s]", took.toMillis() / 1000.0);
    }
}
