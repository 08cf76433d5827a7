package org.slapdesk.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IniFileTest {

    @TempDir
    Path dir;

    static String resource(String name) throws IOException {
        try (InputStream in = IniFileTest.class.getResourceAsStream("/config/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void unchangedFilesAreRewrittenByteForByte() throws IOException {
        for (String text : List.of(
                resource("slapos-node.cfg"),
                resource("slapos-client-aliases.cfg"),
                "[a]\r\nk = v\r\n  more\r\n",
                "[a]\nk = v",
                "",
                "\n\n# only a comment",
                "\uFEFF[a]\nx=1\n",
                "[a]\n\tk : v\t \n")) {
            Path file = dir.resolve("f.cfg");
            Files.write(file, text.getBytes(StandardCharsets.UTF_8));
            IniFile ini = IniFile.load(file);
            assertThat(ini.isModified()).isFalse();
            ini.save();
            assertThat(Files.readAllBytes(file)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void readsValuesAsConfigparserDoes() throws IOException {
        IniFile ini = IniFile.parse(resource("slapos-node.cfg"), "slapos.cfg");
        assertThat(ini.sectionNames())
                .containsExactly("slapos", "slapformat", "disabled-firewall", "networkcache", "collect");
        assertThat(ini.get("slapos", "computer_id")).contains("COMP-4242");
        assertThat(ini.get("slapos", "cert_file")).contains("/etc/opt/slapos/ssl/computer.crt");
        assertThat(ini.get("slapos", "shared_part_list"))
                .contains("\n/opt/slapgrid/read_only_shared\n\n/opt/slapgrid/shared");
        assertThat(ini.getList("slapos", "shared_part_list"))
                .containsExactly("/opt/slapgrid/read_only_shared", "/opt/slapgrid/shared");
        assertThat(ini.get("slapos", "manager_list")).isEmpty();
        assertThat(ini.get("slapformat", "ipv6_prefixshift")).isEmpty();
        assertThat(ini.getInt("slapformat", "partition_amount")).contains(20);
        assertThat(ini.getBoolean("slapformat", "create_tap")).contains(false);
        assertThat(ini.getBoolean("collect", "enable")).contains(true);
        assertThat(ini.get("collect", "enable")).contains("True");
        assertThat(ini.get("disabled-firewall", "authorized_sources")).contains("");
        assertThat(ini.getList("networkcache", "signature-certificate-list")).hasSize(3);
        assertThat(ini.keys("slapformat")).startsWith("interface_name", "ipv6_interface");
        assertThat(ini.get("nosuch", "x")).isEmpty();
    }

    @Test
    void keysAreCaseInsensitiveAndInterpolated() throws IOException {
        IniFile ini = IniFile.parse(resource("slapos-client-aliases.cfg"), "client.cfg");
        assertThat(ini.get("unknown-section", "SOME_KEY")).contains("some value with 50% of it");
        assertThat(ini.getRaw("unknown-section", "some_key")).contains("some value with 50%% of it");
        assertThat(ini.get("unknown-section", "other")).contains("some value with 50% of it and more");
        assertThat(ini.get("slapconsole", "key_file")).contains("~/.slapos/key");
        assertThat(ini.getList("slapos", "software_product_list")).hasSize(2);

        IniFile defaults = IniFile.parse("[DEFAULT]\nroot = /srv\n[slapos]\ninstance_root = %(root)s/slapgrid\n", "d");
        assertThat(defaults.get("slapos", "instance_root")).contains("/srv/slapgrid");
        assertThat(defaults.get("slapos", "root")).contains("/srv");
        assertThat(defaults.sectionNames()).containsExactly("slapos");
    }

    @Test
    void badInterpolationNamesTheKey() {
        IniFile ini = IniFile.parse("[s]\na = 100%\nb = %(missing)s\nc = %(c)s\n", "bad.cfg");
        assertThatThrownBy(() -> ini.get("s", "a"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("[s] a");
        assertThatThrownBy(() -> ini.get("s", "b")).hasMessageContaining("%(missing)s");
        assertThatThrownBy(() -> ini.get("s", "c")).hasMessageContaining("more than 10");
    }

    @Test
    void refusesWhatConfigparserRefuses() {
        assertThatThrownBy(() -> IniFile.parse("[a]\nk = 1\nK = 2\n", "dup.cfg"))
                .isInstanceOf(IniFormatException.class)
                .hasMessageContaining("dup.cfg line 3")
                .hasMessageContaining("'k'");
        assertThatThrownBy(() -> IniFile.parse("[a]\n[b]\n[a]\n", "dup.cfg"))
                .hasMessageContaining("line 3")
                .hasMessageContaining("[a]");
        assertThatThrownBy(() -> IniFile.parse("k = 1\n[a]\n", "nohead.cfg"))
                .hasMessageContaining("nohead.cfg line 1")
                .hasMessageContaining("before the first [section]");
        assertThatThrownBy(() -> IniFile.parse("[a]\njust words\n", "x.cfg"))
                .hasMessageContaining("x.cfg line 2")
                .hasMessageContaining("key = value");
        assertThatThrownBy(() -> IniFile.parse("[a]\n= v\n", "x.cfg")).hasMessageContaining("line 2");
    }

    @Test
    void continuationFollowsIndentationOfTheKeyLine() {
        IniFile ini = IniFile.parse("[a]\n  k = 1\n  j = 2\n    more\n[b]\n", "x");
        assertThat(ini.get("a", "k")).contains("1");
        assertThat(ini.get("a", "j")).contains("2\nmore");
        IniFile header = IniFile.parse("[a]\nk = 1\n  [b]\n", "x");
        assertThat(header.sectionNames()).containsExactly("a");
        assertThat(header.get("a", "k")).contains("1\n[b]");
    }

    @Test
    void settingAnExistingKeyTouchesOnlyItsLines() throws IOException {
        String original = resource("slapos-node.cfg");
        IniFile ini = IniFile.parse(original, "slapos.cfg");
        ini.set("slapos", "cert_file", "/etc/opt/slapos/ssl/new.crt");
        ini.set("slapformat", "partition_amount", "30");
        assertThat(ini.isModified()).isTrue();
        String expected = original.replace(
                        "cert_file =  /etc/opt/slapos/ssl/computer.crt", "cert_file =  /etc/opt/slapos/ssl/new.crt")
                .replace("partition_amount = 20", "partition_amount = 30");
        assertThat(ini.render()).isEqualTo(expected);

        IniFile styles = IniFile.parse("[a]\nk=v\nj : w\n", "x");
        styles.set("a", "k", "new");
        styles.set("a", "j", "other");
        assertThat(styles.render()).isEqualTo("[a]\nk=new\nj : other\n");
    }

    @Test
    void settingTheSameValueChangesNothing() throws IOException {
        String original = resource("slapos-node.cfg");
        IniFile ini = IniFile.parse(original, "slapos.cfg");
        ini.set("slapos", "computer_id", "COMP-4242");
        assertThat(ini.isModified()).isFalse();
        assertThat(ini.render()).isEqualTo(original);
    }

    @Test
    void multiLineValuesKeepTheirIndentation() throws IOException {
        String original = resource("slapos-client-aliases.cfg");
        IniFile ini = IniFile.parse(original, "client.cfg");
        ini.setList(
                "slapos",
                "software_product_list",
                List.of("kvm https://x/kvm.cfg", "theia https://x/theia.cfg", "erp5 https://x/erp5.cfg"));
        String expected = original.replace(
                """
                software_product_list =
                    kvm https://lab.nexedi.com/nexedi/slapos/raw/1.0.238/software/kvm/software.cfg
                    ; a comment between continuation lines is skipped
                    re6stnet https://lab.nexedi.com/nexedi/slapos/raw/1.0.238/software/re6stnet/software.cfg
                """,
                """
                software_product_list =
                    kvm https://x/kvm.cfg
                    theia https://x/theia.cfg
                    erp5 https://x/erp5.cfg
                """);
        assertThat(ini.render()).isEqualTo(expected);
        assertThat(IniFile.parse(ini.render(), "again").getList("slapos", "software_product_list"))
                .hasSize(3);

        IniFile single = IniFile.parse("[a]\nk = v\nz = 1\n", "x");
        single.set("a", "k", "first\nsecond");
        assertThat(single.render()).isEqualTo("[a]\nk = first\n  second\nz = 1\n");
        single.set("a", "k", "");
        assertThat(single.render()).isEqualTo("[a]\nk =\nz = 1\n");
        single.set("a", "k", "back");
        assertThat(single.render()).isEqualTo("[a]\nk = back\nz = 1\n");
    }

    @Test
    void newKeysGoAfterTheLastKeyOfTheirSection() throws IOException {
        String original = resource("slapos-node.cfg");
        IniFile ini = IniFile.parse(original, "slapos.cfg");
        ini.set("slapformat", "create_tun", "true");
        ini.set("slapos", "master_rest_url", "https://slap.vifib.com/hateoas");
        String expected = original.replace(
                        "ipv4_local_network = 10.0.0.0/16\n", "ipv4_local_network = 10.0.0.0/16\ncreate_tun = true\n")
                .replace(
                        "  /opt/slapgrid/shared\n",
                        "  /opt/slapgrid/shared\nmaster_rest_url = https://slap.vifib.com/hateoas\n");
        assertThat(ini.render()).isEqualTo(expected);
        assertThat(IniFile.parse(ini.render(), "x").get("slapformat", "create_tun"))
                .contains("true");

        IniFile emptySection = IniFile.parse("[a]\n\n[b]\nx = 1\n", "x");
        emptySection.set("a", "k", "v");
        assertThat(emptySection.render()).isEqualTo("[a]\nk = v\n\n[b]\nx = 1\n");
    }

    @Test
    void newSectionsAreAppended() {
        IniFile ini = IniFile.parse("[a]\r\nx = 1", "crlf");
        ini.set("slapconsole", "cert_file", "~/.slapos/certificate");
        assertThat(ini.render())
                .isEqualTo("[a]\r\nx = 1\r\n\r\n[slapconsole]\r\ncert_file = ~/.slapos/certificate\r\n");
        IniFile empty = IniFile.empty("new");
        empty.set("slapos", "master_url", "http://127.0.0.1:8080");
        empty.addSection("slapconsole");
        assertThat(empty.render()).isEqualTo("[slapos]\nmaster_url = http://127.0.0.1:8080\n\n[slapconsole]\n");
    }

    @Test
    void removingAKeyRemovesItsContinuationLines() throws IOException {
        String original = resource("slapos-node.cfg");
        IniFile ini = IniFile.parse(original, "slapos.cfg");
        assertThat(ini.remove("slapos", "shared_part_list")).isTrue();
        assertThat(ini.remove("slapos", "shared_part_list")).isFalse();
        assertThat(ini.remove("networkcache", "SIGNATURE-certificate-list")).isTrue();
        String expected = original.replace(
                        "shared_part_list =\n  /opt/slapgrid/read_only_shared\n\n  /opt/slapgrid/shared\n", "")
                .replace(
                        "signature-certificate-list =\n  -----BEGIN CERTIFICATE-----\n"
                                + "  MIIB8jCCAVugAwIBAgIJAPu2zchZ2BxoMA0GCSqGSIb3DQEBBQUAMBIxEDAOBgNV\n"
                                + "  -----END CERTIFICATE-----\n",
                        "");
        assertThat(ini.render()).isEqualTo(expected);
        IniFile last = IniFile.parse("[a]\nx = 1\ny = 2", "x");
        last.remove("a", "y");
        assertThat(last.render()).isEqualTo("[a]\nx = 1\n");
    }

    @Test
    void percentSignsAreEscapedOnSet() {
        IniFile ini = IniFile.parse("[a]\n", "x");
        ini.set("a", "ratio", "50%");
        assertThat(ini.render()).isEqualTo("[a]\nratio = 50%%\n");
        assertThat(ini.get("a", "ratio")).contains("50%");
    }

    @Test
    void refusesValuesThatWouldNotReadBack() {
        IniFile ini = IniFile.parse("[a]\n", "x");
        assertThatThrownBy(() -> ini.set("a", "k", "one\n# two"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("comment");
        assertThatThrownBy(() -> ini.set("a", "k=j", "v")).hasMessageContaining("key name");
        assertThatThrownBy(() -> ini.set("a", "k", "half \uD83D")).hasMessageContaining("lone surrogate");
        assertThatThrownBy(() -> ini.set("a]", "k", "v")).hasMessageContaining("section name");
        assertThatThrownBy(() -> IniFile.parse("[a]\nk = maybe\n", "x").getBoolean("a", "k"))
                .hasMessageContaining("[a] k = 'maybe' is not a boolean");
    }

    @Test
    void saveAsRootGivesTheFileBackToItsOwner() throws IOException {
        Path file = dir.resolve("owned.cfg");
        Files.writeString(file, "[slapos]\nx = 1\n");
        var lookup = file.getFileSystem().getUserPrincipalLookupService();
        try {
            Files.setOwner(file, lookup.lookupPrincipalByName("nobody"));
        } catch (IOException e) {
            Assumptions.abort("only root can hand a file to another user: " + e.getMessage());
        }
        IniFile ini = IniFile.load(file);
        ini.set("slapos", "x", "2");
        ini.save();
        assertThat(Files.getOwner(file).getName()).isEqualTo("nobody");
        assertThat(Files.readString(file)).isEqualTo("[slapos]\nx = 2\n");
    }

    @Test
    void saveKeepsPermissionsAndRefusesNonUtf8() throws IOException {
        Path file = dir.resolve("slapos-client.cfg");
        Files.writeString(file, "[slapos]\nmaster_url = http://127.0.0.1/\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        IniFile ini = IniFile.load(file);
        ini.set("slapos", "master_url", "http://127.0.0.1:5000/");
        ini.save();
        assertThat(Files.readString(file)).isEqualTo("[slapos]\nmaster_url = http://127.0.0.1:5000/\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(file);
        }
        Path link = dir.resolve("link.cfg");
        Files.createSymbolicLink(link, file);
        IniFile viaLink = IniFile.load(link);
        viaLink.set("slapos", "master_url", "http://127.0.0.1:6000/");
        viaLink.save();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(file)).isEqualTo("[slapos]\nmaster_url = http://127.0.0.1:6000/\n");
        Files.delete(link);
        Path latin1 = dir.resolve("latin1.cfg");
        Files.write(latin1, new byte[] {'[', 'a', ']', '\n', 'k', '=', (byte) 0xe9, '\n'});
        assertThatThrownBy(() -> IniFile.load(latin1))
                .isInstanceOf(IniFormatException.class)
                .hasMessageContaining("not UTF-8");
    }
}
