package org.slapdesk.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bytes written by Python's xml_marshaller 1.0.3, copied from its output. */
class XmlMarshalKnownBytesTest {

    private static void same(Object value, String python) throws Exception {
        assertThat(XmlMarshal.dumps(value)).isEqualTo(python);
        assertThat(XmlMarshal.dumps(XmlMarshal.loads(python))).isEqualTo(python);
    }

    @Test
    void scalars() throws Exception {
        same("", "<marshal><string></string></marshal>");
        same("a&b<c>\"'", "<marshal><string>a&amp;amp;b&amp;lt;c&amp;gt;\"'</string></marshal>");
        same("é€😀\r\n\t", "<marshal><string>&#233;&#8364;&#128512;&#13;\n\t</string></marshal>");
        same(1.0, "<marshal><float>1.0</float></marshal>");
        same(1e20, "<marshal><float>1e+20</float></marshal>");
        same(1e-5, "<marshal><float>1e-05</float></marshal>");
        same(BigInteger.TEN.pow(24), "<marshal><long>1000000000000000000000000</long></marshal>");
        same(BigInteger.TWO.pow(70), "<marshal><int>1180591620717411303424</int></marshal>");
        same(true, "<marshal><bool>1</bool></marshal>");
        same(null, "<marshal><none/></marshal>");
    }

    @Test
    void containers() throws Exception {
        same(Tuple.of(1L, "a"), "<marshal><tuple><int>1</int><string>a</string></tuple></marshal>");
        same(
                List.of(1L, List.of(2L)),
                "<marshal><list id=\"i2\"><int>1</int><list id=\"i3\"><int>2</int></list></list></marshal>");
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("b", 1L);
        map.put("a", Map.of());
        same(
                map,
                "<marshal><dictionary id=\"i2\"><string>a</string><dictionary id=\"i3\"/><string>b</string><int>1</int></dictionary></marshal>");
        Map<Object, Object> mixed = new LinkedHashMap<>();
        mixed.put(1L, "x");
        mixed.put("a", 2L);
        same(
                mixed,
                "<marshal><dictionary id=\"i2\"><string>a</string><int>2</int><int>1</int><string>x</string></dictionary></marshal>");
        List<Object> inner = new ArrayList<>(List.of(1L));
        same(
                List.of(inner, inner),
                "<marshal><list id=\"i2\"><list id=\"i3\"><int>1</int></list><reference id=\"i3\"/></list></marshal>");
    }

    @Test
    void slapObjects() throws Exception {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("_computer_guid", "COMP-1");
        state.put("_software_instance_list", List.of());
        state.put("_software_release", "http://x/s.cfg");
        same(
                new SlapObject("SoftwareRelease", List.of("http://x/s.cfg", "COMP-1"), state),
                "<marshal><object id=\"i2\" module=\"slapos.slap.slap\" class=\"SoftwareRelease\"><tuple><string>http://x/s.cfg</string><string>COMP-1</string></tuple><dictionary id=\"i3\"><string>_computer_guid</string><string>COMP-1</string><string>_software_instance_list</string><list id=\"i4\"/><string>_software_release</string><string>http://x/s.cfg</string></dictionary></object></marshal>");
        same(
                new SlapObject("SoftwareInstance", List.of(), null),
                "<marshal><object id=\"i2\" module=\"slapos.slap.slap\" class=\"SoftwareInstance\"><tuple/><none/></object></marshal>");
    }
}
