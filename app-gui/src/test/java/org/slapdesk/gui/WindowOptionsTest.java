package org.slapdesk.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slapdesk.gui.page.Page;

class WindowOptionsTest {

    @Test
    void readsSnapshotViewProfileAndTheme() {
        WindowOptions options = WindowOptions.parse(
                List.of("--snapshot", "out.png", "--view=services", "--profile", "prod", "--theme", "dark"));
        assertThat(options.snapshot()).contains(Path.of("out.png"));
        assertThat(options.view()).isEqualTo(Page.SERVICES);
        assertThat(options.profile()).contains("prod");
        assertThat(options.dark()).isTrue();
        assertThat(WindowOptions.parse(List.of()).view()).isEqualTo(Page.SERVERS);
    }

    @Test
    void theWallTakesSeveralProfilesAndIsAlsoAView() {
        WindowOptions options = WindowOptions.parse(List.of("--wall", "--profile", "prod", "--profile=lab"));
        assertThat(options.wall()).isTrue();
        assertThat(options.profiles()).containsExactly("prod", "lab");
        assertThat(options.profile()).contains("prod");
        assertThat(WindowOptions.parse(List.of("--snapshot", "w.png", "--view", "wall"))
                        .wall())
                .isTrue();
        assertThat(WindowOptions.parse(List.of()).wall()).isFalse();
        assertThat(WindowOptions.isWindowOption("--wall")).isTrue();
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> WindowOptions.parse(List.of("--view", "nowhere")))
                .hasMessageContaining("unknown view 'nowhere'")
                .hasMessageContaining("dashboard, servers");
        assertThatThrownBy(() -> WindowOptions.parse(List.of("--snapshot")))
                .hasMessageContaining("--snapshot needs a value");
        assertThatThrownBy(() -> WindowOptions.parse(List.of("--colour", "x")))
                .hasMessageContaining("unknown window option");
        assertThat(WindowOptions.isWindowOption("--snapshot=x.png")).isTrue();
        assertThat(WindowOptions.isWindowOption("master")).isFalse();
    }
}
