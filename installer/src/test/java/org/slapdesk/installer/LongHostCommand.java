package org.slapdesk.installer;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.slapdesk.testlab.TestHost;

/**
 * Runs a shell script inside a test host for longer than one {@link TestHost#exec} may take
 * (apt with the package's postinst does): started in the background there, then polled.
 */
final class LongHostCommand {

    private static final String FOLDER = "/root/.long-commands";
    private final AtomicInteger count = new AtomicInteger();
    private final TestHost host;

    LongHostCommand(TestHost host) {
        this.host = host;
    }

    TestHost.ExecResult run(String script, Duration patience) throws InterruptedException {
        String base = FOLDER + "/" + count.incrementAndGet();
        host.sh("mkdir -p " + FOLDER);
        host.writeFile(base + ".sh", script);
        host.sh("setsid sh -c 'sh " + base + ".sh >" + base + ".out 2>&1; echo $? >" + base + ".rc'"
                + " </dev/null >/dev/null 2>&1 &");
        Instant giveUp = Instant.now().plus(patience);
        while (Instant.now().isBefore(giveUp)) {
            String exitCode = host.sh("cat " + base + ".rc 2>/dev/null || true").trim();
            if (!exitCode.isEmpty()) {
                return new TestHost.ExecResult(Integer.parseInt(exitCode), host.sh("cat " + base + ".out"), "");
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException(
                "`" + script + "` still running after " + patience + ":\n" + host.sh("cat " + base + ".out"));
    }
}
