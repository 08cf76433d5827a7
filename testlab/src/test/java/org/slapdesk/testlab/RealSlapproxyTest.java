package org.slapdesk.testlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealSlapproxyTest {

    @Test
    void startsARealProxyThatTheRealClientTalksTo(@TempDir Path dir) {
        try (RealSlapproxy proxy = RealSlapproxy.start(dir)) {
            ProcessResult supply = proxy.slapos("supply", "https://example.invalid/software.cfg", "local_computer");
            assertThat(supply.ok()).as(supply.describe()).isTrue();
            ProcessResult show = proxy.show("--software");
            assertThat(show.stdout() + show.stderr()).contains("https://example.invalid/software.cfg");
        }
    }
}
