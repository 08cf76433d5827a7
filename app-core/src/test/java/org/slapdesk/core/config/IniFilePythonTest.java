package org.slapdesk.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.interop.VenvPython;

/** What IniFile reads must be what slapos' own configparser reads, before and after edits. */
class IniFilePythonTest {

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

    @TempDir
    Path dir;

    @Test
    void javaReadsWhatPythonReads() throws Exception {
        VenvPython python = new VenvPython();
        Path examples = python.venv()
                .root()
                .resolve("lib")
                .toFile()
                .listFiles()[0]
                .toPath()
                .resolve("site-packages/slapos");
        List<Path> files = List.of(
                write("node.cfg", IniFileTest.resource("slapos-node.cfg")),
                write("client.cfg", IniFileTest.resource("slapos-client-aliases.cfg")),
                examples.resolve("slapos.cfg.example"),
                examples.resolve("slapos-client.cfg.example"),
                examples.resolve("slapos-proxy.cfg.example"),
                write(
                        "tricky.cfg",
                        "[DEFAULT]\nbase = /srv\n[a]\r\n  k = 1\r\n  j : 2\r\n    more\r\n\r\n"
                                + "    # hidden\r\n    last\r\n[b]\nx = %(base)s/x\nempty =\nY=z\n  w\n"));
        compare(python, files);

        IniFile node = IniFile.load(files.get(0));
        node.set("slapformat", "partition_amount", "30");
        node.setList("slapos", "shared_part_list", List.of("/a", "/b"));
        node.set("slapos", "note", "50% done\nsecond line");
        node.remove("networkcache", "signature-certificate-list");
        node.set("firewall", "authorized_sources", "2001:db8::/32");
        node.save();
        IniFile client = IniFile.load(files.get(1));
        client.set("slapconsole", "cert_file", "/tmp/c.crt");
        client.remove("slapconsole", "alias");
        client.save();
        compare(python, files.subList(0, 2));
        assertThat(IniFile.load(files.get(0)).getList("slapos", "shared_part_list"))
                .containsExactly("/a", "/b");
    }

    private void compare(VenvPython python, List<Path> files) throws Exception {
        String[] args = files.stream().map(Path::toString).toArray(String[]::new);
        Map<String, Map<String, Map<String, String>>> pythonView =
                new ObjectMapper().readValue(python.run(READ_ALL, "", args), new TypeReference<>() {});
        for (Path file : files) {
            IniFile ini = IniFile.load(file);
            Map<String, Map<String, String>> javaView = new LinkedHashMap<>();
            for (String section : ini.sectionNames()) {
                Set<String> keys = new LinkedHashSet<>(ini.keys(IniFile.DEFAULT_SECTION));
                keys.addAll(ini.keys(section));
                Map<String, String> values = new LinkedHashMap<>();
                for (String key : keys) {
                    values.put(key, ini.get(section, key).orElseThrow());
                }
                javaView.put(section, values);
            }
            assertThat(javaView).as(file.toString()).isEqualTo(pythonView.get(file.toString()));
            assertThat(javaView).as(file.toString()).isNotEmpty();
        }
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
