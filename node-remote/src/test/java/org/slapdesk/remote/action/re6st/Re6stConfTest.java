package org.slapdesk.remote.action.re6st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.slapdesk.remote.action.InvalidInputException;

class Re6stConfTest {

    /** re6stnet.conf as seed 003 shows it on COMP-0. */
    static final String SEED =
            """
            registry http://51.159.66.11:9201/
            ca ca.crt
            cert cert.crt
            key cert.key
            # increase re6stnet verbosity:
            #verbose 3
            # enable OpenVPN logging:
            #ovpnlog
            # increase OpenVPN verbosity:
            #O--verb
            #O3
            O--socket-flags
            O"TCP_NODELAY"
            """;

    @Test
    void setsTheRegistryIpAndGatewayAndKeepsEveryOtherLine() {
        Re6stConf conf = Re6stConf.parse(SEED);
        conf.set("registry", "http://192.0.2.7:9201/");
        conf.set("ip", "51.159.66.11");
        conf.flag("gateway", true);
        assertThat(conf.render())
                .isEqualTo(SEED.replace("registry http://51.159.66.11:9201/", "registry http://192.0.2.7:9201/")
                        + "ip 51.159.66.11\ngateway\n");
        // idempotent, and the flag goes away again
        Re6stConf again = Re6stConf.parse(conf.render());
        again.set("ip", "51.159.66.11");
        again.flag("gateway", true);
        assertThat(again.render()).isEqualTo(conf.render());
        again.flag("gateway", false);
        assertThat(again.render()).doesNotContain("gateway").contains("ip 51.159.66.11");
        assertThat(again.get("registry")).contains("http://192.0.2.7:9201/");
        assertThat(again.get("verbose")).isEmpty();
    }

    @Test
    void duplicatesOfAnOptionCollapseIntoTheFirstLine() {
        Re6stConf conf = Re6stConf.parse("ip 1.1.1.1\nca ca.crt\nip 2.2.2.2\n");
        conf.set("ip", "3.3.3.3");
        assertThat(conf.render()).isEqualTo("ip 3.3.3.3\nca ca.crt\n");
    }

    @Test
    void settingsRefuseBadInputWithoutShowingTheToken() {
        assertThatThrownBy(() -> Re6stSettings.of("ftp://x/"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> Re6stSettings.of("http://x/").withToken("se cret"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageNotContaining("se cret");
        assertThatThrownBy(() -> Re6stSettings.of("http://x/").asGateway("51.159.66"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("IPv4");
        assertThatThrownBy(() -> Re6stSettings.of("http://x/").inDir("etc/re6stnet"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("absolute");
    }

    @Test
    void statusWordsAndExitCodes() {
        assertThat(Re6stStatus.parse("@systemd\nactive\n@rc 0\n").state()).isEqualTo(Re6stStatus.State.ACTIVE);
        assertThat(Re6stStatus.parse("@systemd\nfailed\n@rc 3\n").state()).isEqualTo(Re6stStatus.State.FAILED);
        assertThat(Re6stStatus.parse("@systemd\ninactive\n@rc 3\n").state()).isEqualTo(Re6stStatus.State.INACTIVE);
        assertThat(Re6stStatus.parse("@systemd\ninactive\n@rc 3\n@no-unit\n").state())
                .isEqualTo(Re6stStatus.State.NOT_INSTALLED);
        assertThat(Re6stStatus.parse("@systemd\ninactive\n@rc 3\n").how()).isEqualTo("systemctl is-active re6stnet");
        assertThat(Re6stStatus.parse("@initd\n@rc 3\n").state()).isEqualTo(Re6stStatus.State.INACTIVE);
        assertThat(Re6stStatus.parse("@initd\n@rc 0\n").how()).startsWith("no systemd on the node");
        assertThat(Re6stStatus.parse("@ps\n@rc 1\n").state()).isEqualTo(Re6stStatus.State.NOT_INSTALLED);
        assertThat(Re6stStatus.parse("@ps\n@rc 1\n@installed\n").state()).isEqualTo(Re6stStatus.State.INACTIVE);
        assertThat(Re6stStatus.parse("garbage").state()).isEqualTo(Re6stStatus.State.UNKNOWN);
    }
}
