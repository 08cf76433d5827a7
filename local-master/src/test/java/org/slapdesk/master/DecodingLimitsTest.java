package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small bodies that expand without bound, sent to a running master: each gets a 400 naming the
 * limit within seconds, and the master goes on serving.
 */
class DecodingLimitsTest {

    static final String SR = "https://lab.example/software/demo/software.cfg";

    @TempDir
    Path dir;

    LocalMaster master;
    MasterHttp http;

    @BeforeEach
    void start() throws Exception {
        master = LocalMaster.start(dir.resolve("m.sqlite"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        http = new MasterHttp(master.url());
        assertThat(http.format("COMP-1", 2).statusCode()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        master.close();
    }

    /** A dict whose one value is a list that holds 2^levels copies of a string, a few KB on the wire. */
    static String referenceBomb(int levels) {
        StringBuilder xml =
                new StringBuilder("<marshal><dictionary id=\"i1\"><string>bomb</string><list id=\"i2\"><list id=\"i3\">"
                        + "<string>xxxxxxxx</string></list>");
        for (int i = 4; i < levels + 4; i++) {
            xml.append("<list id=\"i")
                    .append(i)
                    .append("\"><reference id=\"i")
                    .append(i - 1)
                    .append("\"/><reference id=\"i")
                    .append(i - 1)
                    .append("\"/></list>");
        }
        return xml.append("</list></dictionary></marshal>").toString();
    }

    @Test
    void aReferenceBombIsRefusedAndTheMasterKeepsServing() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> bomb = requestWithParameters(referenceBomb(48));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(bomb.statusCode()).as(bomb.body()).isEqualTo(400);
        assertThat(bomb.body()).contains("partition_parameter_xml").contains("more than 1000000 values");
        assertStillServing();
    }

    @Test
    void aMillionDigitIntegerIsRefusedAndTheMasterKeepsServing() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> huge = requestWithParameters("<marshal><dictionary id=\"i1\"><string>n</string><int>"
                + "9".repeat(1_000_000) + "</int></dictionary></marshal>");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(huge.statusCode()).as(huge.body()).isEqualTo(400);
        assertThat(huge.body()).contains("partition_parameter_xml").contains("limit of 4300 digits");
        assertStillServing();
    }

    @Test
    void aListAsADictionaryKeyIsRefused() throws Exception {
        HttpResponse<String> r = requestWithParameters(
                "<marshal><dictionary id=\"i1\"><list id=\"i2\"><string>k</string></list><string>v</string>"
                        + "</dictionary></marshal>");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("unhashable type: 'list'");
    }

    private HttpResponse<String> requestWithParameters(String parameterXml) throws Exception {
        return http.post(
                "requestComputerPartition",
                MasterHttp.form(
                        "software_release",
                        SR,
                        "partition_reference",
                        "hostile",
                        "partition_parameter_xml",
                        parameterXml));
    }

    private void assertStillServing() throws Exception {
        HttpResponse<String> fine = http.request("fine", SR, Map.of("a", "1"), Map.of(), null, false);
        assertThat(fine.statusCode()).as(fine.body()).isEqualTo(200);
    }
}
