package org.slapdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a benchmark ran on: cores, CPU model, memory and the Java version, as the report states them. */
record Machine(int cores, String cpuModel, String memory, String javaVersion) {

    static Machine current() {
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                procField("/proc/cpuinfo", "model name").orElse("unknown CPU"),
                procField("/proc/meminfo", "MemTotal").map(Machine::gibibytes).orElse("unknown memory"),
                System.getProperty("java.version"));
    }

    String describe() {
        return String.format(Locale.ROOT, "nproc %d, CPU \"%s\", %s, Java %s", cores, cpuModel, memory, javaVersion);
    }

    private static Optional<String> procField(String file, String name) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream()
                    .filter(line -> line.startsWith(name))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** "24587012 kB" as "23.4 GiB". */
    private static String gibibytes(String kilobytes) {
        try {
            long kib = Long.parseLong(kilobytes.replace("kB", "").trim());
            return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
        } catch (NumberFormatException e) {
            return kilobytes;
        }
    }
}
