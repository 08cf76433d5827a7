package org.slapdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slapdesk.testlab.Commands;
import org.slapdesk.testlab.ProcessResult;
import org.slapdesk.testlab.SlaposVenv;

/** One of the bench's Python scripts, run with the venv's interpreter; it prints one JSON document. */
final class PythonScript {

    private final SlaposVenv venv;
    private final Path script;

    PythonScript(SlaposVenv venv, Path workDir, String name) {
        this.venv = venv;
        this.script = workDir.resolve(name);
        try (InputStream in = PythonScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the bench script " + name + " is missing from the jar");
            }
            Files.write(script, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode run(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of(venv.python().toString(), script.toString()));
        command.addAll(List.of(args));
        ProcessResult result = Commands.run(timeout, command.toArray(String[]::new));
        if (!result.ok()) {
            throw new IllegalStateException(script.getFileName() + " failed: " + result.describe());
        }
        try {
            return new ObjectMapper().readTree(result.stdout());
        } catch (IOException e) {
            throw new IllegalStateException(script.getFileName() + " printed no JSON: " + result.stdout(), e);
        }
    }
}
