package org.slapdesk.remote.action.slapos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.slapdesk.remote.action.InvalidInputException;

class SlaposNodeTest {

    @Test
    void theCommandIsABareNameOrAPlainAbsolutePath() {
        assertThat(SlaposNode.validateCommand("slapos")).isEqualTo("slapos");
        assertThat(SlaposNode.validateCommand("slapos-1.24")).isEqualTo("slapos-1.24");
        assertThat(SlaposNode.validateCommand("/opt/slapos/venv/bin/slapos")).isEqualTo("/opt/slapos/venv/bin/slapos");
        for (String bad : new String[] {
            "slapos node",
            "slapos;reboot",
            "$(id)",
            "bin/slapos",
            "/opt/my slapos",
            "/opt/`id`",
            "/opt/../slapos",
            "",
            "-slapos"
        }) {
            assertThatThrownBy(() -> SlaposNode.validateCommand(bad)).as(bad).isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> new SlaposNode("slapos|sh", "/etc/opt/slapos/slapos.cfg"))
                .hasMessageContaining("a name found in the node's PATH (e.g. slapos) or an absolute path");
        assertThat(new SlaposNode("slapos-dev", "/srv/slapos.cfg").command("status"))
                .isEqualTo("'slapos-dev' 'node' 'status' '--cfg' '/srv/slapos.cfg'");
    }
}
