package org.slapdesk.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.slapdesk.core.interop.VenvPython;

/**
 * Random edits (set, set list, remove, new sections) on a realistic slapos.cfg: after each
 * batch, Python's configparser must read from the written file exactly what the edits meant,
 * and every line IniFile did not edit must be unchanged.
 */
class IniFileEditPropertyTest {

    private static final String READ_ALL =
            """
            import configparser, json, sys
            out = {}
            for path in sys.argv[1:]:
                c = configparser.ConfigParser()
                assert c.read(path, encoding='utf-8') == [path], path
                out[path] = {s: dict(c.items(s)) for s in c.sections()}
            print(json.dumps(out))
            """;

    sealed interface Edit permits SetValue, SetList, Remove {}

    record SetValue(String section, String key, String value) implements Edit {}

    record SetList(String section, String key, List<String> items) implements Edit {}

    record Remove(String section, String key) implements Edit {}

    @Property(tries = 10, shrinking = ShrinkingMode.OFF)
    void pythonReadsWhatTheEditsMean(@ForAll("batches") List<List<Edit>> batch) throws Exception {
        String original = IniFileTest.resource("slapos-node.cfg");
        Path dir = Files.createTempDirectory("inifile-edits");
        try {
            Map<String, Map<String, Map<String, String>>> expected = new LinkedHashMap<>();
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                IniFile ini = IniFile.parse(original, "slapos.cfg");
                Map<String, Map<String, String>> model = view(ini);
                for (Edit edit : batch.get(i)) {
                    apply(edit, ini, model);
                }
                Path file = dir.resolve("edited" + i + ".cfg");
                ini.save(file);
                assertThat(view(IniFile.load(file))).as("java rereads " + file).isEqualTo(model);
                assertUntouchedLinesKept(original, ini.render(), batch.get(i));
                expected.put(file.toString(), model);
                paths.add(file.toString());
            }
            Map<String, Map<String, Map<String, String>>> python = new ObjectMapper()
                    .readValue(
                            new VenvPython().run(READ_ALL, "", paths.toArray(String[]::new)), new TypeReference<>() {});
            assertThat(python).isEqualTo(expected);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    private static void apply(Edit edit, IniFile ini, Map<String, Map<String, String>> model) {
        if (edit instanceof SetValue s) {
            ini.set(s.section(), s.key(), s.value());
            model.computeIfAbsent(s.section(), k -> new LinkedHashMap<>()).put(s.key(), s.value());
        } else if (edit instanceof SetList l) {
            ini.setList(l.section(), l.key(), l.items());
            model.computeIfAbsent(l.section(), k -> new LinkedHashMap<>())
                    .put(l.key(), l.items().isEmpty() ? "" : "\n" + String.join("\n", l.items()));
        } else if (edit instanceof Remove r) {
            ini.remove(r.section(), r.key());
            Map<String, String> section = model.get(r.section());
            if (section != null) {
                section.remove(r.key());
            }
        }
    }

    private static Map<String, Map<String, String>> view(IniFile ini) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String section : ini.sectionNames()) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String key : ini.keys(section)) {
                values.put(key, ini.get(section, key).orElseThrow());
            }
            out.put(section, values);
        }
        return out;
    }

    /** Lines that hold no edited key are all still there, in the same order. */
    private static void assertUntouchedLinesKept(String original, String edited, List<Edit> edits) {
        Set<String> touched = new LinkedHashSet<>();
        for (Edit e : edits) {
            touched.add(e instanceof SetValue s ? s.key() : e instanceof SetList l ? l.key() : ((Remove) e).key());
        }
        IniFile before = IniFile.parse(original, "before");
        List<String> kept = new ArrayList<>();
        List<String> lines = original.lines().toList();
        Set<Integer> editedLines = new HashSet<>();
        for (String section : before.sectionNames()) {
            for (String key : before.keys(section)) {
                if (touched.contains(key)) {
                    for (int i = 0; i < lines.size(); i++) {
                        if (lines.get(i).strip().startsWith(key) && lines.get(i).contains("=")) {
                            editedLines.add(i);
                            for (int j = i + 1;
                                    j < lines.size()
                                            && (lines.get(j).startsWith(" ")
                                                    || lines.get(j).isEmpty());
                                    j++) {
                                editedLines.add(j);
                            }
                        }
                    }
                }
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            if (!editedLines.contains(i)) {
                kept.add(lines.get(i));
            }
        }
        List<String> after = edited.lines().toList();
        int at = 0;
        for (String line : kept) {
            while (at < after.size() && !after.get(at).equals(line)) {
                at++;
            }
            assertThat(at).as("line '" + line + "' kept in order").isLessThan(after.size());
            at++;
        }
    }

    @Provide
    Arbitrary<List<List<Edit>>> batches() {
        return edit().list().ofMinSize(1).ofMaxSize(8).list().ofSize(15);
    }

    private Arbitrary<Edit> edit() {
        Arbitrary<String> section = Arbitraries.of(
                "slapos", "slapformat", "networkcache", "collect", "newsection", "multimaster/https://m.example/");
        Arbitrary<String> key = Arbitraries.of(
                "computer_id",
                "interface_name",
                "shared_part_list",
                "partition_amount",
                "signature-certificate-list",
                "enable",
                "create_tun",
                "new_key",
                "other-key");
        Arbitrary<String> token = Arbitraries.oneOf(
                        Arbitraries.strings()
                                .withChars("abcXYZ019_-./:=%#;é€ ")
                                .ofMinLength(1)
                                .ofMaxLength(12),
                        Arbitraries.of("😀 𝄞", "%(computer_id)s", "%%", "a = b", "[section]", "  x  "))
                .map(String::strip)
                .filter(t -> !t.isEmpty() && !t.startsWith("#") && !t.startsWith(";"));
        Arbitrary<String> value = token.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("\n", l));
        Arbitrary<String> firstLineValue = Arbitraries.oneOf(value, token.map(t -> "#" + t), Arbitraries.just(""));
        Arbitrary<Edit> set = Combinators.combine(section, key, firstLineValue).as(SetValue::new);
        Arbitrary<Edit> setList =
                Combinators.combine(section, key, token.list().ofMaxSize(3)).as(SetList::new);
        Arbitrary<Edit> remove = Combinators.combine(section, key).as(Remove::new);
        return Arbitraries.oneOf(set, setList, remove);
    }
}
