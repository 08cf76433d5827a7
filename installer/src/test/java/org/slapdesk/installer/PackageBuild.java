package org.slapdesk.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code installer/build --fast} (same content, quicker compression) on the jars of the
 * reactor and returns the .deb it names on its last line.
 */
final class PackageBuild {

    private static final long PATIENCE_MINUTES = 15;

    private PackageBuild() {}

    static Path run(Path installerDirectory, Path applicationJars) throws IOException, InterruptedException {
        Path log = Files.createTempFile("slapdesk-package-build", ".log");
        Process build = new ProcessBuilder(
                        installerDirectory.resolve("build").toString(), "--fast", "--jars", applicationJars.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!build.waitFor(PATIENCE_MINUTES, TimeUnit.MINUTES)) {
            build.destroyForcibly();
            throw new IllegalStateException("installer/build took over " + PATIENCE_MINUTES + " minutes; see " + log);
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        if (build.exitValue() != 0 || lines.isEmpty()) {
            throw new IllegalStateException(
                    "installer/build exited " + build.exitValue() + ":\n" + String.join("\n", lines));
        }
        Path deb = Path.of(lines.get(lines.size() - 1));
        if (!deb.isAbsolute() || !deb.toString().endsWith(".deb") || !Files.isRegularFile(deb)) {
            throw new IllegalStateException("installer/build's last line is not a .deb: " + deb);
        }
        return deb;
    }
}
