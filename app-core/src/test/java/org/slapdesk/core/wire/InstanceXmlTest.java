package org.slapdesk.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Bytes and rules checked by hand from docs/protocol.md, "Instance XML" and "JSON-in-XML" (the
 * Python comparison is in InstanceXmlPythonTest).
 */
class InstanceXmlTest {

    @Test
    void writesTheStoredForm() {
        assertThat(InstanceXml.toXml(Map.of("foo", "bar")))
                .isEqualTo(
                        "<?xml version='1.0' encoding='utf-8'?>\n<instance>\n  <parameter id=\"foo\">bar</parameter>\n</instance>\n");
        assertThat(InstanceXml.toXml(Map.of())).isEqualTo("<?xml version='1.0' encoding='utf-8'?>\n<instance/>\n");
    }

    @Test
    void readsNothingFromNothing() throws Exception {
        assertThat(InstanceXml.fromXml(null)).isEmpty();
        assertThat(InstanceXml.fromXml("")).isEmpty();
    }

    @Test
    void refusesHostileOrBrokenDocuments() {
        assertThatThrownBy(() -> InstanceXml.fromXml("<!DOCTYPE instance [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<instance><parameter id=\"a\">&x;</parameter></instance>"))
                .isInstanceOf(MarshalException.class)
                .hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> InstanceXml.fromXml("<instance><parameter>no id</parameter></instance>"))
                .hasMessageContaining("no id attribute");
        assertThatThrownBy(() -> InstanceXml.toXml(Map.of("a", "bell \u0007")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("U+0007");
    }

    @Test
    void jsonInXmlRoundTrip() throws Exception {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("foo", "bar");
        params.put("list", List.of(1L, 2.5, true));
        Map<String, Object> wrapped = JsonInXml.wrap(params);
        assertThat(wrapped).containsOnlyKeys("_");
        assertThat(wrapped.get("_"))
                .isEqualTo("{\n  \"foo\": \"bar\",\n  \"list\": [\n    1,\n    2.5,\n    true\n  ]\n}");
        assertThat(JsonInXml.unwrap(wrapped)).contains(params);
        assertThat(JsonInXml.unwrap(Map.of("foo", "bar"))).isEmpty();
        assertThat(JsonInXml.isJsonInXml(Map.of("_", "{}", "other", "x"))).isFalse();
        assertThatThrownBy(() -> JsonInXml.unwrap(Map.of("_", "{not json")))
                .isInstanceOf(MarshalException.class)
                .hasMessageStartingWith("the '_' parameter is not valid JSON");
        assertThat(PythonJson.dumps(Map.of("a", List.of(1L, "é")), null)).isEqualTo("{\"a\": [1, \"\\u00e9\"]}");
    }

    @Test
    void schemaWithoutFileMeansJsonInXmlButStrictRefuses() throws Exception {
        SoftwareReleaseSchema schema = SoftwareReleaseSchema.of("https://x/software.cfg", null, Optional.empty());
        assertThat(schema.serialisation()).isEqualTo(SoftwareReleaseSchema.Serialisation.JSON_IN_XML);
        assertThat(schema.softwareType()).isEqualTo("default");
        assertThatThrownBy(schema::strictSerialisation).hasMessageContaining("--force-serialisation");
        assertThatThrownBy(() -> SoftwareReleaseSchema.of("https://x/software.cfg", null, Optional.of("{")))
                .hasMessageContaining("software.cfg.json is not valid JSON");
    }

    @Test
    void streamedReadingKeepsTheRefusalsAndLxmlsLeadingText() throws Exception {
        assertThatThrownBy(() -> InstanceXml.fromXml("<!DOCTYPE instance [<!ENTITY x \"y\">]>"
                        + "<instance><parameter id=\"a\">&x;</parameter></instance>"))
                .isInstanceOf(MarshalException.class)
                .hasMessageContaining("DOCTYPE declaration, which is refused");
        assertThatThrownBy(() -> InstanceXml.fromXml("<instance><parameter id=\"a\">&x;</parameter></instance>"))
                .isInstanceOf(MarshalException.class)
                .hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> InstanceXml.fromXml("<instance><parameter>v</parameter></instance>"))
                .hasMessageContaining("no id attribute");
        Map<String, String> read = InstanceXml.fromXml("<instance>\n <parameter id=\"a\">one<b>two</b>three</parameter>"
                + "<other><parameter id=\"deep\">ignored</parameter></other>"
                + "<parameter id=\"e\"/><parameter id=\"a\"><![CDATA[<x>]]></parameter></instance>");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("a", "one <x>");
        expected.put("e", null);
        assertThat(read).isEqualTo(expected);
    }
}
