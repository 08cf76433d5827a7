package org.slapdesk.gui.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.master.SoftwareTypeEntry;
import org.slapdesk.core.model.InstanceRequest;
import org.slapdesk.gui.Direct;
import org.slapdesk.gui.FakeMaster;
import org.slapdesk.gui.schema.SchemaException;

class RequestViewModelTest {

    @TempDir
    Path dir;

    private final Direct direct = new Direct(Instant.parse("2026-11-23T15:00:00Z"));
    private final FakeMaster master = new FakeMaster();
    private RequestViewModel model;
    private String release;

    @BeforeEach
    void writeRelease() throws IOException {
        ReleaseFiles.write(dir);
        release = dir.resolve("software.cfg").toUri().toString();
        model = new RequestViewModel(direct.tasks, () -> Optional.of(master.releaseSchemas()));
    }

    @AfterEach
    void closeMaster() {
        master.close();
    }

    @Test
    void theReleaseSchemaGivesSoftwareTypesSortedByIndexAndAFormForTheFirst() {
        model.releaseProperty().set(release);
        model.loadSchema();

        assertThat(model.typeChoices()).extracting(SoftwareTypeEntry::key).containsExactly("default", "cluster");
        assertThat(model.typeChoiceProperty().get().key()).isEqualTo("default");
        assertThat(model.modeProperty().get()).isEqualTo(RequestViewModel.Mode.FORM);
        assertThat(model.fields())
                .extracting(f -> f.spec().name())
                .containsExactly("ipv6-prefix", "prefix-length", "mode", "enable-monitor");
        assertThat(model.schemaStatusProperty().get()).contains("Registry");
    }

    @Test
    void theFormIsValidatedAsTheUserTypes() {
        model.releaseProperty().set(release);
        model.titleProperty().set("registry");
        model.loadSchema();
        FieldModel prefix = model.field("ipv6-prefix").orElseThrow();
        FieldModel length = model.field("prefix-length").orElseThrow();

        assertThat(prefix.errorProperty().get()).as("required").isNotEmpty();
        assertThat(model.canRequestBinding().get()).isFalse();

        prefix.valueProperty().set("fc01::/7");
        length.valueProperty().set("sixteen");
        assertThat(prefix.errorProperty().get()).isEmpty();
        assertThat(length.errorProperty().get()).contains("whole number");
        assertThat(model.canRequestBinding().get()).isFalse();

        length.valueProperty().set("200");
        assertThat(length.errorProperty().get()).contains("128");
        length.valueProperty().set("16");
        assertThat(length.errorProperty().get()).isEmpty();
        assertThat(model.canRequestBinding().get()).isTrue();
    }

    @Test
    void anXmlTypeSendsTextParametersAndTheServerPin() throws Exception {
        model.releaseProperty().set(release);
        model.titleProperty().set("registry");
        model.computerGuidProperty().set("COMP-0");
        model.loadSchema();
        model.field("ipv6-prefix").orElseThrow().valueProperty().set("fc01::/7");
        model.field("prefix-length").orElseThrow().valueProperty().set("16");
        model.field("mode").orElseThrow().valueProperty().set("fast");

        InstanceRequest request = model.toRequest();
        assertThat(request.title()).isEqualTo("registry");
        assertThat(request.softwareReleaseUrl()).isEqualTo(release);
        assertThat(request.softwareType()).isEqualTo("default");
        assertThat(request.jsonInXml()).isFalse();
        assertThat(request.parameters())
                .containsEntry("prefix-length", "16")
                .containsEntry("mode", "fast")
                .containsEntry("ipv6-prefix", "fc01::/7")
                .doesNotContainKey("enable-monitor");
        assertThat(request.sla()).containsEntry("computer_guid", "COMP-0");
    }

    @Test
    void aJsonInXmlTypeSendsTypedValuesAndItsOwnSoftwareType() throws Exception {
        model.releaseProperty().set(release);
        model.titleProperty().set("cluster");
        model.loadSchema();
        model.typeChoiceProperty().set(model.typeChoices().get(1));
        assertThat(model.softwareTypeProperty().get()).isEqualTo("kvm-cluster");
        model.field("nodes").orElseThrow().valueProperty().set("3");

        InstanceRequest request = model.toRequest();
        assertThat(request.jsonInXml()).isTrue();
        assertThat(request.softwareType()).isEqualTo("kvm-cluster");
        assertThat(request.parameters()).containsEntry("nodes", 3);
    }

    @Test
    void valuesCrossTheFormRawXmlAndRawJsonToggle() throws Exception {
        model.releaseProperty().set(release);
        model.titleProperty().set("registry");
        model.loadSchema();
        model.field("ipv6-prefix").orElseThrow().valueProperty().set("fc01::/7");
        model.field("prefix-length").orElseThrow().valueProperty().set("16");

        assertThat(model.switchTo(RequestViewModel.Mode.XML)).isTrue();
        assertThat(model.rawTextProperty().get()).contains("<parameter id=\"prefix-length\">16</parameter>");
        model.rawTextProperty().set(model.rawTextProperty().get().replace(">16<", ">24<"));

        assertThat(model.switchTo(RequestViewModel.Mode.JSON)).isTrue();
        assertThat(model.rawTextProperty().get()).contains("\"prefix-length\" : 24");

        assertThat(model.switchTo(RequestViewModel.Mode.FORM)).isTrue();
        assertThat(model.field("prefix-length").orElseThrow().valueProperty().get())
                .isEqualTo("24");
        assertThat(model.canRequestBinding().get()).isTrue();
    }

    @Test
    void rawTextThatDoesNotParseKeepsTheUserInRawModeWithTheReason() {
        model.releaseProperty().set(release);
        model.loadSchema();
        model.switchTo(RequestViewModel.Mode.XML);
        model.rawTextProperty().set("<instance><parameter id=\"a\">1</instance>");
        assertThat(model.problemProperty().get()).contains("not well-formed");
        assertThat(model.switchTo(RequestViewModel.Mode.FORM)).isFalse();
        assertThat(model.modeProperty().get()).isEqualTo(RequestViewModel.Mode.XML);
        model.rawTextProperty().set("<!DOCTYPE x [<!ENTITY e \"boom\">]><instance/>");
        assertThat(model.problemProperty().get()).contains("DOCTYPE");
    }

    @Test
    void aMissingSchemaFallsBackToRawTextAndNeverBlocksTheRequest() throws Exception {
        model.releaseProperty()
                .set(dir.resolve("elsewhere/software.cfg").toUri().toString());
        model.titleProperty().set("anything");
        model.loadSchema();

        assertThat(model.formAvailableProperty().get()).isFalse();
        assertThat(model.modeProperty().get()).isEqualTo(RequestViewModel.Mode.JSON);
        assertThat(model.problemProperty().get())
                .contains("no parameter schema")
                .contains("raw JSON or XML");
        model.softwareTypeProperty().set("custom");
        model.rawTextProperty().set("{\"free\": \"text\"}");
        assertThat(model.canRequestBinding().get()).isTrue();
        InstanceRequest request = model.toRequest();
        assertThat(request.softwareType()).isEqualTo("custom");
        assertThat(request.parameters()).containsEntry("free", "text");
    }

    @Test
    void aBrokenRefFallsBackToRawTextNamingTheMissingFile() throws IOException {
        Files.delete(dir.resolve("definitions.json"));
        model.releaseProperty().set(release);
        model.loadSchema();
        assertThat(model.formAvailableProperty().get()).isFalse();
        assertThat(model.problemProperty().get()).contains("definitions.json");
    }

    @Test
    void anEmptyTitleIsRefusedWithAClearMessage() {
        model.releaseProperty().set(release);
        model.loadSchema();
        model.switchTo(RequestViewModel.Mode.JSON);
        assertThat(model.canRequestBinding().get()).isFalse();
        model.titleProperty().set("  ");
        assertThatThrownBy(model::toRequest).isInstanceOf(SchemaException.class).hasMessageContaining("title is empty");
    }

    @Test
    void prefillUnpacksAJsonInXmlParameter() throws Exception {
        model.prefill("cluster", release, "kvm-cluster", false, Map.of("_", "{\"nodes\": 2}"), Optional.empty());
        InstanceRequest request = model.toRequest();
        assertThat(request.jsonInXml()).isTrue();
        assertThat(request.parameters()).containsEntry("nodes", 2);
    }
}
