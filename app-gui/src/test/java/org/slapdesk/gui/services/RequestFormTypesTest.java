package org.slapdesk.gui.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slapdesk.core.model.InstanceRequest;
import org.slapdesk.gui.Direct;
import org.slapdesk.gui.FakeMaster;

/** The generated form produces values of the schema's types, and they survive the XML / JSON toggle. */
class RequestFormTypesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Object> TYPED = typed();

    @TempDir
    Path dir;

    private final Direct direct = new Direct(Instant.parse("2026-11-23T15:00:00Z"));
    private final FakeMaster master = new FakeMaster();
    private RequestViewModel model;

    @BeforeEach
    void loadTheForm() throws Exception {
        model = new RequestViewModel(direct.tasks, () -> Optional.of(master.releaseSchemas()));
        model.releaseProperty().set(TypedRelease.write(dir));
        model.titleProperty().set("typed");
        model.loadSchema();
    }

    @AfterEach
    void closeMaster() {
        master.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "packed"})
    void formValuesCrossXmlAndJsonWithTheirTypesAndNoWarning(String type) throws Exception {
        choose(type);
        fill();

        assertThat(model.switchTo(RequestViewModel.Mode.XML)).isTrue();
        assertThat(model.problemProperty().get())
                .as("XML of the form's own values")
                .isEmpty();

        assertThat(model.switchTo(RequestViewModel.Mode.JSON)).isTrue();
        assertThat(model.problemProperty().get()).as("JSON after XML").isEmpty();
        assertThat(JSON.readValue(model.rawTextProperty().get(), new TypeReference<Map<String, Object>>() {}))
                .isEqualTo(TYPED);

        assertThat(model.switchTo(RequestViewModel.Mode.XML)).isTrue();
        assertThat(model.problemProperty().get()).as("XML after JSON").isEmpty();
        assertThat(model.switchTo(RequestViewModel.Mode.FORM)).isTrue();
        assertThat(model.field("port").orElseThrow().valueProperty().get()).isEqualTo("8080");
        assertThat(model.field("tags").orElseThrow().valueProperty().get()).isEqualTo("[\"a\",\"b\"]");
        assertThat(model.canRequestBinding().get()).isTrue();

        assertThat(model.switchTo(RequestViewModel.Mode.JSON)).isTrue();
        assertThat(JSON.readValue(model.rawTextProperty().get(), new TypeReference<Map<String, Object>>() {}))
                .isEqualTo(TYPED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "packed"})
    void plainXmlSendsTextsAndJsonInXmlSendsTypedValues(String type) throws Exception {
        choose(type);
        fill();
        model.switchTo(RequestViewModel.Mode.XML);

        InstanceRequest request = model.toRequest();
        if (request.jsonInXml()) {
            assertThat(request.parameters()).isEqualTo(TYPED);
        } else {
            assertThat(request.parameters())
                    .containsEntry("port", "8080")
                    .containsEntry("ratio", "0.5")
                    .containsEntry("verbose", "false")
                    .containsEntry("level", "3")
                    .containsEntry("tags", "[\"a\",\"b\"]");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "packed"})
    void aValueTheSchemaRefusesIsStillNamedInXml(String type) {
        choose(type);
        fill();
        model.switchTo(RequestViewModel.Mode.XML);
        model.rawTextProperty().set(model.rawTextProperty().get().replace("8080", "-5"));
        assertThat(model.problemProperty().get())
                .contains("the schema would refuse")
                .contains("port");
    }

    private void choose(String type) {
        model.typeChoiceProperty()
                .set(model.typeChoices().stream()
                        .filter(t -> t.key().equals(type))
                        .findFirst()
                        .orElseThrow());
        assertThat(model.modeProperty().get()).isEqualTo(RequestViewModel.Mode.FORM);
    }

    private void fill() {
        set("port", "8080");
        set("ratio", "0.5");
        set("enabled", "true");
        set("verbose", "false");
        set("level", "3");
        set("mode", "fast");
        set("tags", "[\"a\", \"b\"]");
        set("name", "my service");
        assertThat(model.fields())
                .allSatisfy(f ->
                        assertThat(f.errorProperty().get()).as(f.spec().name()).isEmpty());
    }

    private void set(String field, String text) {
        model.field(field).orElseThrow().valueProperty().set(text);
    }

    private static Map<String, Object> typed() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("port", 8080);
        values.put("ratio", 0.5);
        values.put("enabled", true);
        values.put("verbose", false);
        values.put("level", 3);
        values.put("mode", "fast");
        values.put("tags", List.of("a", "b"));
        values.put("name", "my service");
        return values;
    }
}
