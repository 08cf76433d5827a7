package org.slapdesk.remote.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.slapdesk.testlab.TestHost;
import org.slapdesk.testlab.TestLab;

/**
 * Hostile strings go through {@link Shell#quote} and a real SSH exec to {@code printf %s};
 * the node's bytes (as hex, so nothing is lost in decoding) must equal the string's UTF-8.
 */
class ShellQuotingOverSshProperties {

    // one test host for the whole container: jqwik runs hundreds of tries
    private static TestLab lab;
    private static TestHost host;
    private static NodeConnection connection;

    @BeforeContainer
    static void start() throws NodeException {
        lab = TestLab.open();
        host = lab.startHost();
        connection = Targets.connect(host);
    }

    @AfterContainer
    static void stop() {
        if (connection != null) {
            connection.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Property(tries = 150)
    void theNodeReceivesEveryArgumentByteForByte(@ForAll("hostile") String argument) throws NodeException {
        assertThat(remoteBytes(argument)).isEqualTo(hex(argument));
    }

    @Property(tries = 40)
    void severalArgumentsStaySeparate(@ForAll("hostile") String first, @ForAll("hostile") String second)
            throws NodeException {
        CommandResult result = connection.run(Shell.command("printf", "%s\\0", first, second) + " | od -An -v -tx1");
        assertThat(result.stdout().replaceAll("\\s", "")).isEqualTo(hex(first) + "00" + hex(second) + "00");
    }

    @Example
    void theClassicsArriveLiterally() throws NodeException {
        for (String nasty : new String[] {
            "$(touch /tmp/pwned)",
            "`touch /tmp/pwned`",
            "'; touch /tmp/pwned; '",
            "a\nb",
            "*",
            "-n",
            "--help",
            "$HOME",
            "\\'\\\"",
            "' \"",
            "x&&touch /tmp/pwned|cat;",
            "é€𝄞",
            ""
        }) {
            assertThat(remoteBytes(nasty)).as(nasty).isEqualTo(hex(nasty));
        }
        assertThat(host.exec("test", "-e", "/tmp/pwned").exitCode()).isEqualTo(1);
    }

    @Example
    void aNulCharacterIsRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> Shell.quote("a\0b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL");
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> pieces = Arbitraries.of(
                "'",
                "\"",
                "\\",
                "$(",
                ")",
                "`",
                "$",
                "${HOME}",
                "\n",
                "\r",
                "\t",
                " ",
                "*",
                "?",
                "[a]",
                "~",
                ";",
                "|",
                "&",
                "&&",
                "<",
                ">",
                "!",
                "#",
                "-",
                "--",
                "-n",
                "%s",
                "%",
                "é",
                "€",
                "𝄞",
                "\u00a0",
                "\u200b",
                "日本",
                "\u001b[31m",
                "{a,b}",
                "=");
        Arbitrary<String> anyText = Arbitraries.strings()
                .all()
                .ofMaxLength(6)
                .filter(s -> s.indexOf('\0') < 0
                        && StandardCharsets.UTF_8.newEncoder().canEncode(s));
        return Arbitraries.oneOf(pieces, anyText).list().ofMaxSize(12).map(list -> String.join("", list));
    }

    private static String remoteBytes(String argument) throws NodeException {
        CommandResult result = connection.run(Shell.command("printf", "%s", argument) + " | od -An -v -tx1");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result.stdout().replaceAll("\\s", "");
    }

    private static String hex(String s) {
        return HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
    }
}
