package org.slapdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.master.LocalMaster;

/**
 * A listing from a master reached over plain HTTP, in its own JVM as a user runs it, loads no
 * BouncyCastle, no JDK TLS implementation and no JavaFX: BouncyCastle alone was some 500 classes
 * from signed jars (each jar's signature checked at the first load) before the first request.
 */
class PlainHttpListingClassesTest {

    @TempDir
    Path dir;

    @Test
    void aPlainHttpListingLoadsNoTlsNorJavaFxClass() throws Exception {
        Path classLog = dir.resolve("classes.log");
        try (LocalMaster local = LocalMaster.start(LocalMaster.Options.loopback(dir.resolve("m.sqlite"), 0))) {
            Process listing = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xlog:class+load=info:file=" + classLog,
                            "-cp",
                            System.getProperty("java.class.path"),
                            SlapdeskCommand.class.getName(),
                            "master",
                            "nodes",
                            "--json",
                            "--master-url",
                            local.url().toString(),
                            "--rest-url",
                            local.hateoasUrl().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("listing.out").toFile())
                    .start();
            assertThat(listing.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(listing.exitValue())
                    .as(Files.readString(dir.resolve("listing.out")))
                    .isZero();
        }

        List<String> loaded = Files.readAllLines(classLog, StandardCharsets.UTF_8).stream()
                .map(PlainHttpListingClassesTest::className)
                .toList();

        assertThat(loaded).as("classes loaded").contains(SlapdeskCommand.class.getName());
        assertThat(loaded)
                .as("BouncyCastle, TLS or JavaFX classes loaded by a plain-HTTP listing")
                .filteredOn(c -> c.startsWith("org.bouncycastle.")
                        || c.startsWith("sun.security.ssl.")
                        || c.startsWith("javafx."))
                .isEmpty();
    }

    /** The class name of a {@code -Xlog:class+load} line: "[0.012s][info][class,load] NAME source: ...". */
    private static String className(String line) {
        int start = line.indexOf("] ", line.indexOf("[class,load]")) + 2;
        int end = line.indexOf(' ', start);
        return end < 0 ? line.substring(start) : line.substring(start, end);
    }
}
