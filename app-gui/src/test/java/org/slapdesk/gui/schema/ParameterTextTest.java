package org.slapdesk.gui.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterTextTest {

    @Test
    void xmlParametersRoundTripWithEscaping() throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("domain", "a&b <c>");
        values.put("port", 8080);
        String xml = ParameterText.toXml(values, false);
        assertThat(xml)
                .contains("<parameter id=\"domain\">a&amp;b &lt;c&gt;</parameter>")
                .contains("<parameter id=\"port\">8080</parameter>");
        assertThat(ParameterText.fromXml(xml))
                .containsEntry("domain", "a&b <c>")
                .containsEntry("port", "8080");
    }

    @Test
    void jsonInXmlPacksEverythingInOneUnderscoreParameterAndUnpacksIt() throws Exception {
        Map<String, Object> values = Map.of("nodes", List.of("a", "b"));
        String xml = ParameterText.toXml(values, true);
        assertThat(xml).contains("<parameter id=\"_\">");
        assertThat(ParameterText.fromXml(xml)).isEqualTo(Map.of("nodes", List.of("a", "b")));
    }

    @Test
    void hostileOrBrokenTextIsRefusedWithTheReason() {
        assertThatThrownBy(() -> ParameterText.fromXml(
                        "<!DOCTYPE i [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><instance>&x;</instance>"))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> ParameterText.fromJson("[1, 2]"))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> ParameterText.fromJson("{\"a\": }")).hasMessageContaining("line 1");
    }

    @Test
    void blankTextMeansNoParameters() throws Exception {
        assertThat(ParameterText.fromXml("  ")).isEmpty();
        assertThat(ParameterText.fromJson("")).isEmpty();
    }
}
