package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.SlapMaster;
import org.slapdesk.core.model.InstanceRequest;
import org.slapdesk.core.model.InstanceTree;
import org.slapdesk.core.model.RequestedState;

/**
 * The service list read through the local master's HATEOAS search carries each service's requested
 * state and software type: without them the window offered Start on a destroyed service.
 */
class ServiceListingStateTest {

    static final String SR = "https://lab.example/software/demo/software.cfg";

    @TempDir
    Path dir;

    @Test
    void theListedServiceSaysItsRequestedStateAndType() throws Exception {
        try (LocalMaster master = LocalMaster.start(
                dir.resolve("m.sqlite"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            new MasterHttp(master.url()).format("COMP-1", 3);
            SlapMaster client = SlapMaster.open(
                    MasterProfile.plain("local", master.url().toString()).withRestUrl(master.hateoasUrl()));
            try {
                client.supply(SR, "COMP-1");
                for (String title : new String[] {"running", "paused", "gone"}) {
                    client.request(new InstanceRequest(
                            title, SR, "frontend", Map.of(), false, Map.of(), false, RequestedState.STARTED));
                }
                client.changeState("paused", RequestedState.STOPPED);
                client.changeState("gone", RequestedState.DESTROYED);

                Map<String, InstanceTree> listed = new HashMap<>();
                client.services().forEach(tree -> listed.put(tree.title(), tree));

                assertThat(listed.get("running").requestedState()).isEqualTo(Optional.of(RequestedState.STARTED));
                assertThat(listed.get("paused").requestedState()).isEqualTo(Optional.of(RequestedState.STOPPED));
                assertThat(listed.get("gone").requestedState()).isEqualTo(Optional.of(RequestedState.DESTROYED));
                assertThat(listed.get("running").softwareType()).isEqualTo(Optional.of("frontend"));
            } finally {
                client.close();
            }
        }
    }
}
