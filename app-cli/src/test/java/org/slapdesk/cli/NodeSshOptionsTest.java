package org.slapdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.ssh.SshTarget;

class NodeSshOptionsTest {

    private static SshTarget jumpOf(String jump) {
        NodeSshOptions options = new NodeSshOptions();
        options.host = "node1";
        options.user = "admin";
        options.port = 22;
        options.jump = jump;
        return options.target().jump().orElseThrow();
    }

    @Test
    void jumpHostsInEveryForm() {
        assertThat(jumpOf("bastion").display()).isEqualTo("admin@bastion:22");
        assertThat(jumpOf("ops@bastion:2222").display()).isEqualTo("ops@bastion:2222");
        assertThat(jumpOf("fd00::1").display()).isEqualTo("admin@[fd00::1]:22");
        assertThat(jumpOf("[fd00::1]:2200").display()).isEqualTo("admin@[fd00::1]:2200");
        assertThat(jumpOf("root@[fd00::1]").display()).isEqualTo("root@[fd00::1]:22");
        assertThatThrownBy(() -> jumpOf("bastion:ssh")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("port number");
        assertThatThrownBy(() -> jumpOf("[fd00::1")).isInstanceOf(InvalidInputException.class);
    }
}
