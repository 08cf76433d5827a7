package org.slapdesk.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.interop.VenvPython;

/** InstanceXml, JsonInXml and SoftwareReleaseSchema against slapos.util and slapos.cli.request. */
class InstanceXmlPythonTest {

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    @Test
    void dict2xmlAndXml2dictMatchPython() throws Exception {
        String out = new VenvPython().run(XmlMarshalPythonTest.codecScript(), "", "instance-corpus");
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(9);
        SoftAssertions soft = new SoftAssertions();
        for (String line : lines) {
            JsonNode item = XmlMarshalPythonTest.JSON.readTree(line);
            String name = item.get("name").asText();
            Map<String, Object> parameters = (Map<String, Object>) PythonDescription.toValue(item.get("desc"));
            String pythonXml = item.get("xml").asText();
            soft.assertThat(InstanceXml.toXml(parameters))
                    .as("dict2xml " + name)
                    .isEqualTo(pythonXml);
            Map<String, String> pythonRead =
                    XmlMarshalPythonTest.JSON.convertValue(item.get("read"), new TypeReference<>() {});
            soft.assertThat(InstanceXml.fromXml(pythonXml))
                    .as("xml2dict " + name)
                    .isEqualTo(pythonRead);
        }
        soft.assertAll();
    }

    @Test
    void pythonReadsWhatJavaWritesAndJavaReadsOddDocuments() throws Exception {
        Map<String, String> documents = new LinkedHashMap<>();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("b", "x & y < z > \"q\" 'a'");
        params.put("a\"\n\t", "é 😀 \r\n");
        params.put("empty", "");
        params.put("n", null);
        params.put("list", List.of(1L, "two"));
        documents.put("java", InstanceXml.toXml(params));
        documents.put(
                "repeated ids",
                "<?xml version='1.0' encoding='utf-8'?><instance><parameter id=\"a\">1</parameter>"
                        + "<parameter id=\"b\">x</parameter><parameter id=\"a\">2</parameter><parameter id=\"a\">3</parameter></instance>");
        documents.put(
                "compact, cdata and child",
                "<instance><parameter id=\"a\"><![CDATA[<raw> & ]]>more</parameter>"
                        + "<parameter id=\"c\">before<sub>inside</sub>after</parameter><other id=\"x\">ignored</other></instance>");
        documents.put("empty first", "<instance><parameter id=\"a\"/><parameter id=\"a\">then</parameter></instance>");
        StringBuilder input = new StringBuilder();
        documents.forEach((name, xml) -> {
            ObjectNode item = XmlMarshalPythonTest.JSON
                    .createObjectNode()
                    .put("name", name)
                    .put("xml", xml);
            input.append(item).append('\n');
        });
        String out = new VenvPython().run(XmlMarshalPythonTest.codecScript(), input.toString(), "instance-check");
        SoftAssertions soft = new SoftAssertions();
        int answers = 0;
        for (String line : out.lines().toList()) {
            answers++;
            JsonNode answer = XmlMarshalPythonTest.JSON.readTree(line);
            String name = answer.get("name").asText();
            Map<String, String> pythonRead =
                    XmlMarshalPythonTest.JSON.convertValue(answer.get("read"), new TypeReference<>() {});
            Map<String, String> javaRead = InstanceXml.fromXml(documents.get(name));
            soft.assertThat(javaRead).as("read " + name).isEqualTo(pythonRead);
            soft.assertThat(new ArrayList<>(javaRead.keySet()))
                    .as("order " + name)
                    .isEqualTo(new ArrayList<>(pythonRead.keySet()));
            soft.assertThat(InstanceXml.toXml(javaRead))
                    .as("rewrite " + name)
                    .isEqualTo(answer.get("rewritten").asText());
        }
        soft.assertThat(answers).isEqualTo(documents.size());
        soft.assertAll();
        assertThat(InstanceXml.fromXml(documents.get("java")).get("b")).isEqualTo("x & y < z > \"q\" 'a'");
    }

    @SuppressWarnings("unchecked")
    @Test
    void jsonInXmlIsWhatTheClientSends() throws Exception {
        String out = new VenvPython().run(XmlMarshalPythonTest.codecScript(), "", "json-corpus");
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(7);
        SoftAssertions soft = new SoftAssertions();
        for (String line : lines) {
            JsonNode item = XmlMarshalPythonTest.JSON.readTree(line);
            String name = item.get("name").asText();
            Map<String, Object> params = (Map<String, Object>) PythonDescription.toValue(item.get("desc"));
            Map<String, Object> wrapped = JsonInXml.wrap(params);
            soft.assertThat(wrapped.get("_"))
                    .as("json " + name)
                    .isEqualTo(item.get("wrapped").get("_").asText());
            String marshal =
                    new String(Base64.getDecoder().decode(item.get("marshal").asText()), StandardCharsets.UTF_8);
            soft.assertThat(XmlMarshal.dumps(wrapped)).as("marshal " + name).isEqualTo(marshal);
            soft.assertThat(InstanceXml.toXml(wrapped))
                    .as("instance xml " + name)
                    .isEqualTo(item.get("xml").asText());
            Map<String, String> stored = InstanceXml.fromXml(item.get("xml").asText());
            soft.assertThat(JsonInXml.isJsonInXml(stored)).isTrue();
            soft.assertThat(JsonInXml.unwrap(stored)).as("decode " + name).contains(params);
            soft.assertThat(JsonInXml.wrap(wrapped))
                    .as("already wrapped " + name)
                    .isEqualTo(wrapped);
        }
        soft.assertAll();
    }

    @Test
    void serialisationIsDetectedAsSlaposDoes() throws Exception {
        Map<String, String[]> cases = new LinkedHashMap<>();
        // name -> {software type, software.cfg.json text or null}
        cases.put(
                "global json-in-xml",
                new String[] {"default", "{\"serialisation\": \"json-in-xml\", \"software-type\": {}}"});
        cases.put("global xml", new String[] {null, "{\"serialisation\": \"xml\"}"});
        cases.put("per type overrides", new String[] {
            "kvm",
            "{\"serialisation\": \"xml\", \"software-type\": {\"kvm\": "
                    + "{\"serialisation\": \"json-in-xml\", \"request\": \"instance-kvm-input-schema.json\", "
                    + "\"response\": \"../out.json\"}}}"
        });
        cases.put("type without own value", new String[] {
            "kvm", "{\"serialisation\": \"xml\", \"software-type\": {\"kvm\": " + "{\"request\": \"in.json\"}}}"
        });
        cases.put("old default type name", new String[] {
            "RootSoftwareInstance",
            "{\"software-type\": {\"default\": " + "{\"serialisation\": \"xml\", \"request\": \"sub/in.json\"}}}"
        });
        cases.put("unknown value", new String[] {"default", "{\"serialisation\": \"yaml\"}"});
        cases.put("no serialisation", new String[] {"default", "{\"name\": \"x\"}"});
        cases.put("no schema file", new String[] {"default", null});
        StringBuilder input = new StringBuilder();
        Map<String, SoftwareReleaseSchema> java = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            Path release = Files.createDirectories(dir.resolve("release" + i++)).resolve("software.cfg");
            Files.writeString(release, "[buildout]\n");
            String json = c.getValue()[1];
            if (json != null) {
                Files.writeString(Path.of(release + ".json"), json);
            }
            java.put(
                    c.getKey(),
                    SoftwareReleaseSchema.of(release.toString(), c.getValue()[0], Optional.ofNullable(json)));
            ObjectNode item = XmlMarshalPythonTest.JSON
                    .createObjectNode()
                    .put("name", c.getKey())
                    .put("url", release.toString())
                    .put("type", c.getValue()[0]);
            input.append(item).append('\n');
        }
        String out = new VenvPython().run(XmlMarshalPythonTest.codecScript(), input.toString(), "schema");
        SoftAssertions soft = new SoftAssertions();
        List<String> lines = out.lines().toList();
        soft.assertThat(lines).hasSize(cases.size());
        for (String line : lines) {
            JsonNode answer = XmlMarshalPythonTest.JSON.readTree(line);
            String name = answer.get("name").asText();
            SoftwareReleaseSchema schema = java.get(name);
            soft.assertThat(schema.serialisation().wireName())
                    .as("serialisation " + name)
                    .isEqualTo(answer.get("serialisation").asText());
            String strict;
            try {
                strict = schema.strictSerialisation().wireName();
            } catch (MarshalException e) {
                strict = "error";
            }
            soft.assertThat(strict)
                    .as("strict " + name)
                    .isEqualTo(answer.get("strict").asText());
            String request = schema.requestSchemaUrl().map(Object::toString).orElse(null);
            soft.assertThat(request)
                    .as("request schema " + name)
                    .isEqualTo(
                            answer.get("request").isNull()
                                    ? null
                                    : answer.get("request").asText());
        }
        soft.assertAll();
        assertThat(java.get("per type overrides")
                        .responseSchemaUrl()
                        .orElseThrow()
                        .getPath())
                .endsWith("/out.json");
    }
}
