package org.slapdesk.testlab;

import java.io.File;
import java.io.IOException;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine. Under CI ({@code CI=true}) a missing requirement fails
 * the test, so CI can never pass by skipping; elsewhere the test is skipped with the reason.
 */
public final class TestRequirements {

    private TestRequirements() {}

    public static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Fails under CI, skips elsewhere, when {@code available} is false. */
    public static void require(boolean available, String what) {
        if (available) {
            return;
        }
        if (underCi()) {
            Assertions.fail("CI must run this test but " + what);
        }
        Assumptions.abort("skipped: " + what + " (run ./run-tests, as root for namespace tests)");
    }

    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name")) || "0".equals(uid());
    }

    /** Root with network namespaces and mounts: what testlab's hosts need. */
    public static void requireRootAndNamespaces() {
        require(isRoot(), "it needs root (network namespaces, mounts, loop devices)");
        require(new File("/usr/sbin/sshd").canExecute(), "/usr/sbin/sshd is not installed");
    }

    private static String uid() {
        try {
            Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
