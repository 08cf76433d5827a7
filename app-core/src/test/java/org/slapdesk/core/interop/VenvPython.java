package org.slapdesk.core.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slapdesk.testlab.SlaposVenv;

/** Runs a Python script with the slapos.core virtualenv's interpreter (skips or fails as SlaposVenv says). */
public final class VenvPython {

    private final SlaposVenv venv = SlaposVenv.require();

    /** Runs {@code script} with {@code stdin}; returns stdout, or throws with stderr on a non-zero exit. */
    public String run(String script, String stdin, String... args) throws IOException, InterruptedException {
        Path file = Files.createTempFile("slapdesk-interop", ".py");
        try {
            Files.writeString(file, script);
            List<String> command = new ArrayList<>(List.of(venv.python().toString(), file.toString()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).start();
            try {
                CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
                    try {
                        return process.getErrorStream().readAllBytes();
                    } catch (IOException e) {
                        return e.toString().getBytes(StandardCharsets.UTF_8);
                    }
                });
                CompletableFuture.runAsync(() -> {
                    try (var in = process.getOutputStream()) {
                        in.write(stdin.getBytes(StandardCharsets.UTF_8));
                    } catch (IOException ignored) {
                        // the script may exit before reading; its exit code tells
                    }
                });
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    throw new IOException("python did not finish in 120 s");
                }
                if (process.exitValue() != 0) {
                    throw new IOException("python exited " + process.exitValue() + ":\n"
                            + new String(err.join(), StandardCharsets.UTF_8));
                }
                return out;
            } finally {
                process.destroyForcibly();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    public SlaposVenv venv() {
        return venv;
    }
}
