package org.slapdesk.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.interop.VenvPython;

/**
 * Documents small on the wire that expand without bound, and the keys and integers Python itself
 * refuses: each is refused quickly, with a message naming the limit.
 */
class XmlMarshalLimitsTest {

    /**
     * {@code levels} lists, each holding two references to the one before: 2^levels leaves of
     * {@code leaf} from a document of a few hundred bytes per level.
     */
    static String referenceBomb(int levels, String leaf) {
        StringBuilder xml = new StringBuilder("<marshal><list id=\"i1\"><list id=\"i2\"><string>")
                .append(leaf)
                .append("</string></list>");
        for (int i = 3; i < levels + 3; i++) {
            xml.append("<list id=\"i")
                    .append(i)
                    .append("\"><reference id=\"i")
                    .append(i - 1)
                    .append("\"/><reference id=\"i")
                    .append(i - 1)
                    .append("\"/></list>");
        }
        return xml.append("</list></marshal>").toString();
    }

    static String digits(int count) {
        return "7".repeat(count);
    }

    @Test
    void aReferenceBombIsRefusedByItsExpandedSize() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> XmlMarshal.loads(referenceBomb(60, "x")))
                .isInstanceOf(MarshalException.class)
                .hasMessageContaining("more than " + DecodeBudget.MAX_VALUES + " values");
        assertThatThrownBy(() -> XmlMarshal.loads(referenceBomb(14, "y".repeat(4096))))
                .isInstanceOf(MarshalException.class)
                .hasMessageContaining("more than " + DecodeBudget.MAX_TEXT_CHARS + " characters");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void sharingWithinTheLimitsStillDecodes() throws Exception {
        Object value = XmlMarshal.loads(referenceBomb(10, "x"));
        assertThat(value).isInstanceOf(List.class);
        // the outer list holds every level: 1 + 2 + 4 + ... + 1024 leaves
        assertThat(PythonOrder.repr(value).chars().filter(c -> c == 'x').count())
                .isEqualTo(2047);
    }

    @Test
    void aMillionDigitIntegerIsRefusedBeforeParsing() throws Exception {
        long started = System.nanoTime();
        assertThatThrownBy(() -> XmlMarshal.loads("<marshal><int>" + digits(1_000_000) + "</int></marshal>"))
                .isInstanceOf(MarshalException.class)
                .hasMessageContaining("1000000 digits, over the limit of 4300 digits");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(XmlMarshal.loads("<marshal><long>-" + digits(4300) + "</long></marshal>"))
                .hasToString("-" + digits(4300));
    }

    @Test
    void unhashableKeysAreRefusedAsPythonRefusesThem() throws Exception {
        assertThatThrownBy(() -> XmlMarshal.loads(
                        "<marshal><dictionary id=\"i2\"><list id=\"i3\"/><string>v</string></dictionary></marshal>"))
                .isInstanceOf(MarshalException.class)
                .hasMessageContaining("unhashable type: 'list'");
        assertThatThrownBy(() -> XmlMarshal.loads("<marshal><set id=\"i2\"><dictionary id=\"i3\"/></set></marshal>"))
                .hasMessageContaining("unhashable type: 'dict'");
        assertThatThrownBy(() -> XmlMarshal.loads("<marshal><dictionary id=\"i2\"><tuple><set id=\"i3\"/></tuple>"
                        + "<none/></dictionary></marshal>"))
                .hasMessageContaining("unhashable type: 'set'");
        assertThat(XmlMarshal.loads("<marshal><dictionary id=\"i2\"><tuple><int>1</int><string>a</string></tuple>"
                        + "<none/></dictionary></marshal>"))
                .isEqualTo(Collections.singletonMap(Tuple.of(1L, "a"), null));
    }

    @Test
    void pythonRefusesTheSameDocuments() throws Exception {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put(
                "list key",
                "<marshal><dictionary id=\"i2\"><list id=\"i3\"/><string>v</string></dictionary></marshal>");
        refused.put("dict member", "<marshal><set id=\"i2\"><dictionary id=\"i3\"/></set></marshal>");
        refused.put(
                "list in a tuple key",
                "<marshal><dictionary id=\"i2\"><tuple><list id=\"i3\"/></tuple><none/></dictionary></marshal>");
        refused.put("4301 digits", "<marshal><int>" + digits(4301) + "</int></marshal>");
        StringBuilder input = new StringBuilder();
        refused.forEach((name, xml) -> {
            ObjectNode item = XmlMarshalPythonTest.JSON
                    .createObjectNode()
                    .put("name", name)
                    .put("xml", Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)));
            item.putObject("desc").put("t", "none");
            input.append(item).append('\n');
        });
        List<String> answers = new VenvPython()
                .run(XmlMarshalPythonTest.codecScript(), input.toString(), "check")
                .lines()
                .toList();
        assertThat(answers).hasSize(refused.size());
        for (String line : answers) {
            JsonNode answer = XmlMarshalPythonTest.JSON.readTree(line);
            String name = answer.get("name").asText();
            String python = answer.get("problems").get(0).asText();
            assertThat(python).as(name).containsAnyOf("TypeError: unhashable type", "ValueError: Exceeds the limit");
            assertThatThrownBy(() -> XmlMarshal.loads(refused.get(name)))
                    .as(name)
                    .isInstanceOf(MarshalException.class)
                    .hasMessageContaining(python.startsWith("TypeError") ? "unhashable type" : "limit of 4300 digits");
        }
    }
}
