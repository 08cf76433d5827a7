package org.slapdesk.gui.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.model.InstanceRequest;
import org.slapdesk.gui.Direct;
import org.slapdesk.gui.FakeMaster;

/** Choices and booleans start on the schema's default; editing a service keeps its title and server. */
class RequestDefaultsAndEditTest {

    @TempDir
    Path dir;

    private final Direct direct = new Direct(Instant.parse("2026-11-23T15:00:00Z"));
    private final FakeMaster master = new FakeMaster();
    private RequestViewModel model;
    private String release;

    @BeforeEach
    void writeRelease() throws Exception {
        release = TypedRelease.write(dir);
        model = new RequestViewModel(direct.tasks, () -> Optional.of(master.releaseSchemas()));
    }

    @AfterEach
    void closeMaster() {
        master.close();
    }

    @Test
    void choicesAndBooleansShowTheirDefaultAndSendIt() throws Exception {
        model.releaseProperty().set(release);
        model.titleProperty().set("typed");
        model.loadSchema();
        model.typeChoiceProperty().set(model.typeChoices().get(1));

        assertThat(value("enabled")).isEqualTo("true");
        assertThat(value("level")).isEqualTo("2");
        assertThat(value("mode")).isEqualTo("safe");
        assertThat(value("verbose")).as("a boolean without default stays unset").isEmpty();
        assertThat(value("port")).as("other fields start empty").isEmpty();

        InstanceRequest request = model.toRequest();
        assertThat(request.jsonInXml()).isTrue();
        assertThat(request.parameters()).isEqualTo(Map.of("enabled", true, "level", 2, "mode", "safe"));
    }

    @Test
    void editingKeepsTheCurrentValuesOverTheDefaults() throws Exception {
        model.prefill("typed", release, "default", false, Map.of("enabled", "false", "mode", "fast"), Optional.empty());
        model.loadSchema();

        assertThat(model.modeProperty().get()).isEqualTo(RequestViewModel.Mode.FORM);
        assertThat(value("enabled")).isEqualTo("false");
        assertThat(value("mode")).isEqualTo("fast");
        assertThat(value("level")).isEqualTo("2");
    }

    @Test
    void editingKeepsTheTitleAndTheServerTheServiceRunsOn() throws Exception {
        model.prefill("typed", release, "default", false, Map.of("port", "8080"), Optional.of("COMP-1"));
        model.loadSchema();

        assertThat(model.editingProperty().get()).isTrue();
        assertThat(model.computerGuidProperty().get()).isEqualTo("COMP-1");
        model.titleProperty().set("another");
        InstanceRequest request = model.toRequest();
        assertThat(request.title()).isEqualTo("typed");
        assertThat(request.sla()).containsEntry("computer_guid", "COMP-1");
        assertThat(request.parameters()).containsEntry("port", "8080");
    }

    private String value(String field) {
        return model.field(field).orElseThrow().valueProperty().get();
    }
}
