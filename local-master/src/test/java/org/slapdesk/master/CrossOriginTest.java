package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A web page in the operator's browser must not drive the loopback master (cross-origin, DNS rebinding). */
class CrossOriginTest {

    static final String SR = "https://lab.example/software/demo/software.cfg";

    @TempDir
    Path dir;

    LocalMaster master;
    RawHttp raw;

    @BeforeEach
    void start() throws Exception {
        master = LocalMaster.start(dir.resolve("m.sqlite"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        raw = new RawHttp(master.url());
        assertThat(new MasterHttp(master.url()).format("COMP-1", 2).statusCode())
                .isEqualTo(200);
    }

    @AfterEach
    void stop() {
        master.close();
    }

    private String supply(String host, String origin) throws Exception {
        String body = "url=" + SR + "&computer_id=COMP-1&state=available";
        return raw.exchange("POST /supplySupply HTTP/1.1\r\nHost: " + host + "\r\n"
                + (origin == null ? "" : "Origin: " + origin + "\r\n")
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
    }

    private int installations() {
        return master.queries().nodes("COMP-1").get(0).installations().size();
    }

    @Test
    void aRebindingPageCannotSupplySoftware() throws Exception {
        int port = master.url().getPort();
        String answer = supply("rebind.evil.example:" + port, "http://rebind.evil.example:" + port);
        assertThat(answer).startsWith("HTTP/1.1 421").contains("rebind.evil.example");
        assertThat(installations()).isZero();
    }

    @Test
    void aForeignOriginIsRefusedEvenWithTheRightHost() throws Exception {
        String answer = supply(raw.host(), "http://evil.example");
        assertThat(answer).startsWith("HTTP/1.1 403").contains("cross-origin");
        assertThat(installations()).isZero();
    }

    @Test
    void theMastersOwnNamesAreServed() throws Exception {
        int port = master.url().getPort();
        assertThat(supply(raw.host(), null)).startsWith("HTTP/1.1 200");
        assertThat(supply("localhost:" + port, "http://localhost:" + port)).startsWith("HTTP/1.1 200");
        assertThat(supply("127.0.0.1:" + port, "http://127.0.0.1:" + port)).startsWith("HTTP/1.1 200");
        assertThat(supply("localhost:" + (port + 1), null)).startsWith("HTTP/1.1 421");
    }

    @Test
    void hateoasLinksNeverCarryAForeignHost() throws Exception {
        String answer = raw.exchange("GET /hateoas/ HTTP/1.1\r\nHost: rebind.evil.example:"
                + master.url().getPort() + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 421").doesNotContain("\"href\"");
    }

    @Test
    void jsonRpcNeedsAJsonContentType() throws Exception {
        String body = "{\"title\": \"svc\", \"software_release_uri\": \"" + SR
                + "\", \"software_type\": \"default\", \"parameters\": {}, \"sla_parameters\": {}}";
        int length = body.getBytes(StandardCharsets.UTF_8).length;
        String answer = raw.exchange("POST /slapos.post.v0.software_instance HTTP/1.1\r\nHost: " + raw.host()
                + "\r\nContent-Type: text/plain\r\nContent-Length: " + length + "\r\nConnection: close\r\n\r\n"
                + body);
        assertThat(answer).startsWith("HTTP/1.1 415");
        assertThat(master.queries().trees(null)).isEmpty();
    }
}
