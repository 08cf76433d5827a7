package org.slapdesk.testlab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The virtualenv with the real slapos.core from PyPI, made by {@code testlab/bin/slapos-venv}
 * (which {@code ./run-tests} runs and exports as {@code SLAPDESK_SLAPOS_VENV}).
 */
public record SlaposVenv(Path root) {

    public static Optional<SlaposVenv> find() {
        String configured = System.getenv("SLAPDESK_SLAPOS_VENV");
        Path path = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "slapdesk", "slapos-venv");
        return Files.isExecutable(path.resolve("bin/slapos")) ? Optional.of(new SlaposVenv(path)) : Optional.empty();
    }

    /** The venv, or the test is failed (CI) or skipped (elsewhere) with the reason. */
    public static SlaposVenv require() {
        Optional<SlaposVenv> venv = find();
        TestRequirements.require(
                venv.isPresent(), "the slapos.core virtualenv is missing (testlab/bin/slapos-venv makes it)");
        return venv.orElseThrow();
    }

    public Path python() {
        return root.resolve("bin/python");
    }

    public Path slapos() {
        return root.resolve("bin/slapos");
    }
}
