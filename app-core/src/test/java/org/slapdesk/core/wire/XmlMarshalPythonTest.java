package org.slapdesk.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.interop.VenvPython;

/**
 * The codec against the real Python one (slapos.util.dumps/loads over xml_marshaller 1.0.3 in
 * the slapos.core virtualenv): Python's bytes decode to equal values and re-encode identically,
 * and what Java writes Python loads to equal values and re-dumps to the same bytes.
 */
class XmlMarshalPythonTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static String codecScript() throws IOException {
        try (InputStream in = XmlMarshalPythonTest.class.getResourceAsStream("/interop/codec.py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void javaDecodesAndReencodesWhatPythonDumps() throws Exception {
        String out = new VenvPython().run(codecScript(), "", "corpus");
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSizeGreaterThan(50);
        SoftAssertions soft = new SoftAssertions();
        for (String line : lines) {
            JsonNode item = JSON.readTree(line);
            String name = item.get("name").asText();
            byte[] pythonBytes = Base64.getDecoder().decode(item.get("xml").asText());
            String pythonXml = new String(pythonBytes, StandardCharsets.UTF_8);
            Object expected = PythonDescription.toValue(item.get("desc"));
            Object decoded = XmlMarshal.loads(pythonBytes);
            soft.assertThat(decoded).as("decode " + name).isEqualTo(expected);
            soft.assertThat(XmlMarshal.dumps(decoded)).as("re-encode " + name).isEqualTo(pythonXml);
            soft.assertThat(XmlMarshal.dumps(expected)).as("encode " + name).isEqualTo(pythonXml);
        }
        soft.assertAll();
    }

    @Test
    void pythonLoadsWhatJavaDumps() throws Exception {
        Map<String, Object> corpus = new LinkedHashMap<>();
        corpus.put("empty string", "");
        corpus.put("markup", "a&b<c>\"d'e &amp; &#233; ]]>");
        corpus.put("astral", "😀 𝄞 𠀀 é\r\n\t");
        corpus.put("none", null);
        corpus.put("bools", List.of(true, false));
        corpus.put(
                "ints",
                List.of(
                        0L,
                        -1L,
                        Long.MAX_VALUE,
                        Long.MIN_VALUE,
                        BigInteger.TWO.pow(63),
                        BigInteger.TEN.pow(24).subtract(BigInteger.ONE),
                        BigInteger.TEN.pow(24),
                        BigInteger.TEN.pow(24).negate(),
                        BigInteger.valueOf(3).pow(200),
                        7));
        corpus.put(
                "floats",
                List.of(
                        0.1,
                        1e16,
                        1e-5,
                        -0.0,
                        0.0,
                        1.5,
                        5e-324,
                        Double.MAX_VALUE,
                        1e22,
                        1e23,
                        123456789012345.6,
                        2.82879384806159e17,
                        5.684341886080802e-14,
                        1.9400994884341945e25,
                        Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY));
        List<Object> shared = new ArrayList<>(List.of("shared"));
        Map<Object, Object> sharedMap = new LinkedHashMap<>(Map.of("k", "v"));
        corpus.put("references", List.of(shared, shared, Map.of("a", shared, "b", sharedMap, "c", sharedMap)));
        Map<Object, Object> mixed = new LinkedHashMap<>();
        mixed.put(1L, "a");
        mixed.put("b", 2L);
        mixed.put(Tuple.of(1L, 2L), 3L);
        mixed.put(null, 4L);
        mixed.put(Tuple.of(2L), 5L);
        mixed.put(Tuple.of(10L), 6L);
        mixed.put(2.5, 7L);
        mixed.put(Tuple.of(1L, "a"), 8L);
        mixed.put(BigInteger.TEN.pow(30), 9L);
        corpus.put("mixed keys", mixed);
        corpus.put("set", new LinkedHashSet<>(List.of("b", "a", 3L, Tuple.of("x"))));
        corpus.put("nested", Map.of("a", List.of(Map.of("b", Tuple.of("x", List.of(), Map.of()))), "", ""));
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("_computer_id", "COMP-1");
        state.put("_partition_id", "slappart0");
        state.put("_request_dict", null);
        state.put("_requested_state", "started");
        state.put("_connection_dict", Map.of("url", "https://[2001:db8::10]:8080/?a=1&b=<2>"));
        SlapObject partition = new SlapObject(
                "ComputerPartition",
                List.of("COMP-1", "slappart0", Tuple.of()).subList(0, 2).stream()
                        .map(Object.class::cast)
                        .toList(),
                state);
        List<Object> partitionArgs = new ArrayList<>(partition.initArgs());
        partitionArgs.add(null);
        SlapObject partition3 = new SlapObject("ComputerPartition", partitionArgs, state);
        Map<String, Object> computerState = new LinkedHashMap<>();
        computerState.put("_computer_id", "COMP-1");
        computerState.put("_computer_partition_list", List.of(partition3));
        corpus.put("computer", new SlapObject("Computer", List.of("COMP-1"), computerState));
        corpus.put(
                "instance",
                new SlapObject(
                        "SoftwareInstance",
                        List.of(),
                        new LinkedHashMap<>(Map.of(
                                "_instance_guid",
                                "SOFTINST-1",
                                "ip_list",
                                List.of(Tuple.of("slaptap0", "10.0.0.2"))))));
        corpus.put(
                "release",
                new SlapObject(
                        "SoftwareRelease",
                        List.of("https://x/s.cfg", "COMP-1"),
                        new LinkedHashMap<>(Map.of(
                                "_software_release",
                                "https://x/s.cfg",
                                "_computer_guid",
                                "COMP-1",
                                "_software_instance_list",
                                List.of()))));
        assertThat(checkInPython(corpus)).isEmpty();
    }

    @Test
    void pythonRefusesTheForeignObjectsJavaRefuses() throws Exception {
        List<String> documents = List.of(
                "<marshal><object id=\"i2\" module=\"os\" class=\"system\"><tuple><string>id</string></tuple><none/></object></marshal>",
                "<marshal><object id=\"i2\" module=\"slapos.slap.slap\" class=\"OpenOrder\"><tuple/><none/></object></marshal>");
        StringBuilder input = new StringBuilder();
        for (String xml : documents) {
            ObjectNode item = JSON.createObjectNode()
                    .put("name", xml)
                    .put("xml", Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)));
            item.putObject("desc").put("t", "none");
            input.append(JSON.writeValueAsString(item)).append('\n');
        }
        List<String> answers = new VenvPython()
                .run(codecScript(), input.toString(), "check")
                .lines()
                .toList();
        assertThat(answers).hasSize(documents.size());
        for (String line : answers) {
            JsonNode answer = JSON.readTree(line);
            assertThat(answer.get("problems").get(0).asText()).startsWith("RuntimeError: Refusing to unmarshall");
            Assertions.assertThatThrownBy(
                            () -> XmlMarshal.loads(answer.get("name").asText()))
                    .isInstanceOf(MarshalException.class)
                    .hasMessageContaining("only the four slap classes");
        }
    }

    /** Sends Java's bytes and descriptions to Python; returns the problems it found, by name. */
    static Map<String, List<String>> checkInPython(Map<String, Object> corpus) throws Exception {
        StringBuilder input = new StringBuilder();
        Map<String, String> javaXml = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : corpus.entrySet()) {
            String xml = XmlMarshal.dumps(e.getValue());
            javaXml.put(e.getKey(), xml);
            ObjectNode item = JSON.createObjectNode()
                    .put("name", e.getKey())
                    .put("xml", Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)));
            item.set("desc", PythonDescription.describe(e.getValue()));
            input.append(JSON.writeValueAsString(item)).append('\n');
        }
        String out = new VenvPython().run(codecScript(), input.toString(), "check");
        Map<String, List<String>> problems = new LinkedHashMap<>();
        int answered = 0;
        for (String line : out.lines().toList()) {
            JsonNode answer = JSON.readTree(line);
            answered++;
            String name = answer.get("name").asText();
            List<String> found = new ArrayList<>();
            answer.get("problems").forEach(p -> found.add(p.asText()));
            byte[] redump = Base64.getDecoder().decode(answer.get("redump").asText());
            if (found.isEmpty() && !(XmlMarshal.loads(redump) instanceof Set<?>)) {
                Object back = XmlMarshal.loads(redump);
                if (!Objects.equals(back, XmlMarshal.loads(javaXml.get(name)))) {
                    found.add("Java reads Python's re-dump as a different value");
                }
            }
            if (!found.isEmpty()) {
                found.add(0, "java wrote " + javaXml.get(name));
                problems.put(name, found);
            }
        }
        if (answered != corpus.size()) {
            problems.put("(all)", List.of("python answered " + answered + " of " + corpus.size()));
        }
        return problems;
    }
}
