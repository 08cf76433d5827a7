package org.slapdesk.remote.action.re6st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.testing.OnTestHost;

/**
 * re6st can't be installed here (no package offers it to this machine's apt), so: the edits of
 * the seed's re6stnet.conf, and the real node's answers when re6st is missing.
 */
class Re6stTest extends OnTestHost {

    private static final String SEED_CONF = """
            registry http://51.159.66.11:9201/
            ca ca.crt
            cert cert.crt
            key cert.key
            # increase re6stnet verbosity:
            #verbose 3
            O--socket-flags
            O"TCP_NODELAY"
            """;

    @Test
    void setsRegistryIpAndGatewayKeepingEverythingElse() {
        Re6stAction action = new Re6stAction(new Re6stAction.Settings("http://192.0.2.9:9201/", Optional.empty(),
                Optional.of("192.0.2.9")));
        String edited = action.edit(SEED_CONF);
        assertThat(edited).isEqualTo(SEED_CONF.replace("registry http://51.159.66.11:9201/", "registry http://192.0.2.9:9201/")
                + "ip 192.0.2.9\ngateway\n");
        assertThat(action.edit(edited)).as("idempotent").isEqualTo(edited);
        assertThat(Re6stConf.get(edited, "gateway")).contains("");
        assertThat(Re6stConf.get(edited, "verbose")).isEmpty();
        assertThat(Re6stConf.remove(edited, "gateway")).doesNotContain("gateway");
    }

    @Test
    void aNodeWithoutRe6stAndNoPackageForItGetsAClearAnswer() throws Exception {
        assertThat(Re6stStatus.read(node)).isEqualTo(new Re6stStatus(false, false, "re6st is not installed"));
        Re6stAction action = new Re6stAction(new Re6stAction.Settings("http://192.0.2.9:9201/", Optional.of("tok3n"), Optional.empty()));
        assertThatThrownBy(() -> action.plan(node)).isInstanceOf(NodeException.class)
                .hasMessageContaining("does not offer re6st-node").hasMessageContaining("deploy.erp5.net/re6st");
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new Re6stAction.Settings("ftp://x/", Optional.empty(), Optional.empty()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Re6stAction.Settings("http://r:9201/", Optional.of("a b"), Optional.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("token");
        assertThatThrownBy(() -> new Re6stAction.Settings("http://r:9201/", Optional.empty(), Optional.of("1.2.3")))
                .isInstanceOf(InvalidInputException.class);
    }
}
