package org.slapdesk.remote.action.slapos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slapdesk.remote.testing.OnTestHost;

/** The computer_id a test host's slapos.cfg names, read over SSH. */
class ComputerIdTest extends OnTestHost {

    @Test
    void readsTheComputerIdOfTheNodesSlaposCfgOrNothingWhenItIsNotRegistered() throws Exception {
        host.sh("rm -rf /etc/opt/slapos");
        assertThat(ComputerId.read(node)).isEmpty();

        host.sh("mkdir -p /etc/opt/slapos");
        host.writeFile(
                "/etc/opt/slapos/slapos.cfg",
                "[slapos]\n# registered with the local master\nmaster_url = http://10.0.0.1:5000\n"
                        + "computer_id =  COMP-4321 \n\n[slapformat]\ncomputer_id = not-this-one\n");
        assertThat(ComputerId.read(node)).contains("COMP-4321");

        host.writeFile("/srv/other.cfg", "[slapformat]\npartition_amount = 2\n");
        assertThat(ComputerId.read(node, "/srv/other.cfg")).isEmpty();
    }
}
