package org.slapdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerformanceDocTest {

    private static final Machine MACHINE = new Machine(2, "AMD EPYC", "23.4 GiB", "17.0.15");

    @TempDir
    Path folder;

    @Test
    void aRunReplacesOnlyTheGeneratedSection() throws Exception {
        Path doc = folder.resolve("PERFORMANCE.md");
        Files.writeString(doc, "# Performance\n\nHand-written analysis.\n");

        PerformanceDoc.write(
                doc, PerformanceDoc.section("2026-12-07T11:00:00Z", MACHINE, "./benchmarks scale", "first run\n"));
        String afterFirst = Files.readString(doc);
        Files.writeString(doc, afterFirst + "\n## Written after the section\n\nKept.\n");
        PerformanceDoc.write(
                doc, PerformanceDoc.section("2026-12-07T12:00:00Z", MACHINE, "./benchmarks", "second run\n"));
        String afterSecond = Files.readString(doc);

        assertThat(afterSecond)
                .startsWith("# Performance\n\nHand-written analysis.\n\n" + PerformanceDoc.BEGIN)
                .contains(
                        "second run",
                        "**Command:** `./benchmarks`",
                        "nproc 2, CPU \"AMD EPYC\", 23.4 GiB, Java 17.0.15")
                .doesNotContain("first run", "11:00:00Z", "./benchmarks scale")
                .endsWith(PerformanceDoc.END + "\n\n## Written after the section\n\nKept.\n");
        assertThat(afterSecond.split(PerformanceDoc.BEGIN, -1)).hasSize(2);
    }

    @Test
    void theMachineIsReadFromThisHost() {
        Machine here = Machine.current();
        assertThat(here.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(here.memory()).endsWith("GiB");
        assertThat(here.javaVersion()).isEqualTo(System.getProperty("java.version"));
    }
}
