package org.slapdesk.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the streaming reader must accept and refuse as the whole-document parse did. */
class MarshalDecoderTest {

    @Test
    void whitespaceCommentsAndInstructionsBetweenValuesAreSkipped() throws Exception {
        Object value = XmlMarshal.loads("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<marshal>\n  <!-- a note -->"
                + "<dictionary id=\"i2\">\n <string>a</string> <?pi x?> <list id=\"i3\"><int> 7 </int>\n</list>"
                + "</dictionary>\n</marshal>\n");
        assertThat(value).isEqualTo(Map.of("a", List.of(7L)));
    }

    @Test
    void theRootMustHoldExactlyOneValueAndNothingMayFollowIt() {
        assertThatThrownBy(() -> XmlMarshal.loads("<marshal><none/><none/></marshal>"))
                .isInstanceOf(MarshalException.class)
                .hasMessageContaining("exactly one value, found 2");
        assertThatThrownBy(() -> XmlMarshal.loads("<marshal></marshal>"))
                .isInstanceOf(MarshalException.class)
                .hasMessageContaining("exactly one value, found 0");
        assertThatThrownBy(() -> XmlMarshal.loads("<marshal><none/></marshal><marshal/>"))
                .isInstanceOf(MarshalException.class);
        assertThatThrownBy(() -> XmlMarshal.loads("<marshal><none/></marshal><!-- cut"))
                .isInstanceOf(MarshalException.class)
                .hasMessageContaining("not well-formed");
    }

    @Test
    void anObjectHoldsItsArgumentsAndAtMostOneState() {
        assertThatThrownBy(() -> XmlMarshal.loads("<marshal><object id=\"i2\" module=\"slapos.slap.slap\""
                        + " class=\"Computer\"><tuple/><none/><none/></object></marshal>"))
                .hasMessageContaining("must hold a <tuple> of init arguments and a state");
        assertThatThrownBy(() -> XmlMarshal.loads(
                        "<marshal><object id=\"i2\" module=\"slapos.slap.slap\" class=\"Computer\"/></marshal>"))
                .hasMessageContaining("must hold a <tuple> of init arguments and a state");
    }

    @Test
    void aDocumentReadsTheSameAfterARefusedOrBrokenOneOnTheSameThread() throws Exception {
        // each thread's stream reader is handed out again, reset, for the next document
        String good = XmlMarshal.dumps(Map.of("a", List.of(1L, "<&x>"), "b", 2.5));
        for (String bad : List.of(
                "<!DOCTYPE m [<!ENTITY e \"x\">]><marshal><string>&e;</string></marshal>",
                "<marshal><list id=\"i2\"><int>1</int>",
                "<marshal><string>&unknown;</string></marshal>",
                "<marshal><int>1<none/></int></marshal>")) {
            assertThatThrownBy(() -> XmlMarshal.loads(bad)).isInstanceOf(MarshalException.class);
            assertThat(XmlMarshal.dumps(XmlMarshal.loads(good))).isEqualTo(good);
        }
        assertThatThrownBy(() -> XmlMarshal.loads("<!DOCTYPE marshal><marshal><none/></marshal>"))
                .isInstanceOf(MarshalException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void aScalarsTextMayComeInPiecesAroundCommentsButHoldsNoElement() throws Exception {
        assertThat(XmlMarshal.loads("<marshal><string>a<!-- c -->b<![CDATA[&lt;]]>c<?p i?>d</string></marshal>"))
                .isEqualTo("ab<cd");
        assertThat(XmlMarshal.loads("<marshal><string/></marshal>")).isEqualTo("");
        assertThatThrownBy(() -> XmlMarshal.loads("<marshal><string>a<none/></string></marshal>"))
                .isInstanceOf(MarshalException.class)
                .hasMessageContaining("not well-formed");
    }

    @Test
    void theDictsOfADocumentShareOneCopyOfEachKey() throws Exception {
        List<Map<String, Object>> partitions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            partitions.add(Map.of("reference", "slappart" + i));
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> decoded = (List<Map<String, Object>>) XmlMarshal.loads(XmlMarshal.dumps(partitions));

        String first = decoded.get(0).keySet().iterator().next();
        assertThat(decoded).allSatisfy(p -> assertThat(p.keySet().iterator().next())
                .isEqualTo("reference")
                .isSameAs(first));
    }

    @Test
    void aLargeNodeDocumentReadsBackIdentical() throws Exception {
        List<Object> partitions = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            Map<String, Object> partition = new LinkedHashMap<>();
            partition.put("reference", "slappart" + i);
            partition.put("text", "<&> \u00e9 " + i);
            partition.put("port", (long) i);
            partitions.add(partition);
        }
        String xml = XmlMarshal.dumps(Map.of("partition_list", partitions));
        assertThat(XmlMarshal.dumps(XmlMarshal.loads(xml.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(xml);
    }
}
