package org.slapdesk.core.wire;

import static net.jqwik.api.Tuple.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Random nested values, sent to the real Python codec in one batch per try: Python must load
 * each to the same value and dump it back to the very bytes Java wrote.
 */
class XmlMarshalPythonPropertyTest {

    private static final BigInteger FLOAT_1E24 = new BigDecimal(1e24).toBigIntegerExact();

    @Property(tries = 8, shrinking = ShrinkingMode.OFF)
    void pythonReadsAndRewritesWhatJavaWrites(@ForAll("batches") List<Object> batch) throws Exception {
        Map<String, Object> corpus = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            corpus.put("value " + i, batch.get(i));
        }
        assertThat(XmlMarshalPythonTest.checkInPython(corpus)).isEmpty();
        for (Object value : batch) {
            assertThat(XmlMarshal.loads(XmlMarshal.dumps(value))).isEqualTo(value);
        }
    }

    @Provide
    Arbitrary<List<Object>> batches() {
        return value(3).list().ofSize(60);
    }

    private Arbitrary<Object> value(int depth) {
        if (depth == 0) {
            return scalar();
        }
        Arbitrary<Object> child = Arbitraries.lazy(() -> value(depth - 1));
        Arbitrary<Object> list = child.list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l));
        Arbitrary<Object> tuple = child.list().ofMaxSize(3).map(l -> (Object) new Tuple(l));
        Arbitrary<Object> dict = Arbitraries.maps(key(), child).ofMaxSize(4).map(m -> (Object) new LinkedHashMap<>(m));
        Arbitrary<Object> set = key().set().ofMaxSize(4).map(s -> (Object) new LinkedHashSet<>(s));
        Arbitrary<Object> shared =
                Arbitraries.oneOf(list, dict).map(c -> (Object) new ArrayList<>(List.of(c, "between", c)));
        return Arbitraries.frequencyOf(
                of(4, scalar()), of(2, list), of(1, tuple), of(2, dict), of(1, set), of(1, shared));
    }

    /** Hashable values that Python keeps apart (no 1 and 1.0 or True together). */
    private Arbitrary<Object> key() {
        return Arbitraries.oneOf(
                text().map(s -> (Object) s),
                Arbitraries.longs().between(-1000, 1000).map(l -> (Object) l),
                Arbitraries.just(null),
                Arbitraries.oneOf(
                                text().map(s -> (Object) s),
                                Arbitraries.longs().between(-20, 20).map(l -> (Object) l))
                        .list()
                        .ofMaxSize(3)
                        .map(l -> (Object) new Tuple(l)));
    }

    private Arbitrary<Object> scalar() {
        return Arbitraries.oneOf(
                text().map(s -> (Object) s),
                Arbitraries.just(null),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.bigIntegers()
                        .between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                        .map(b -> (Object) (b.bitLength() < 64 ? (Object) b.longValue() : b)),
                Arbitraries.of(
                                FLOAT_1E24,
                                FLOAT_1E24.subtract(BigInteger.ONE),
                                FLOAT_1E24.negate(),
                                FLOAT_1E24.negate().add(BigInteger.ONE),
                                BigInteger.TWO.pow(63),
                                BigInteger.TWO.pow(64).negate())
                        .map(b -> (Object) b),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.longs().map(bits -> (Object) Double.longBitsToDouble(bits)),
                Arbitraries.of(
                                0.1,
                                1e16,
                                1e-5,
                                1e-4,
                                -0.0,
                                9999999999999998.0,
                                1e22,
                                1e23,
                                5e-324,
                                Double.MAX_VALUE,
                                Double.MIN_NORMAL,
                                Double.POSITIVE_INFINITY)
                        .map(d -> (Object) d));
    }

    /** Any XML-safe text, biased towards markup, escapes and characters outside the BMP. */
    private Arbitrary<String> text() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                of(3, Arbitraries.integers().between(0x20, 0x7e)),
                of(
                        2,
                        Arbitraries.of(
                                (int) '&',
                                (int) '<',
                                (int) '>',
                                (int) '"',
                                (int) '\'',
                                (int) '\r',
                                (int) '\n',
                                (int) '\t',
                                (int) ';',
                                (int) '#')),
                of(1, Arbitraries.integers().between(0xa0, 0xd7ff)),
                of(1, Arbitraries.integers().between(0xe000, 0xfffd)),
                of(1, Arbitraries.integers().between(0x10000, 0x10ffff)));
        Arbitrary<String> random = codePoint.list().ofMaxSize(12).map(cps -> {
            StringBuilder sb = new StringBuilder();
            cps.forEach(sb::appendCodePoint);
            return sb.toString();
        });
        return Arbitraries.oneOf(random, Arbitraries.of("", "&amp;", "&lt;b&gt;", "]]>", "&#233;", " x "));
    }
}
