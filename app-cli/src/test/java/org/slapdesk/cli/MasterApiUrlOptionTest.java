package org.slapdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --api-url} beside {@code --master-url} and {@code --rest-url} reaches the profile. */
class MasterApiUrlOptionTest {

    private static MasterConnectionOptions parse(String... args) {
        MasterConnectionOptions options = new MasterConnectionOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void theApiUrlOptionReachesTheProfile() throws Exception {
        MasterConnectionOptions options = parse(
                "--master-url",
                "https://slap.example/",
                "--rest-url",
                "https://slap.example/erp5/web_site_module/hateoas/",
                "--api-url",
                "https://slap.example/erp5/portal_web_services/slapos_master_api/");
        assertThat(options.profile().apiUrl())
                .contains(URI.create("https://slap.example/erp5/portal_web_services/slapos_master_api/"));
    }

    @Test
    void withoutItTheProfileHasNone() throws Exception {
        assertThat(parse("--master-url", "http://127.0.0.1:5000/").profile().apiUrl())
                .isEmpty();
    }

    @Test
    void aNonHttpApiUrlIsRefusedByName() {
        assertThatThrownBy(() -> parse("--master-url", "http://127.0.0.1:5000/", "--api-url", "ftp://h/")
                        .profile())
                .hasMessageContaining("--api-url");
    }
}
