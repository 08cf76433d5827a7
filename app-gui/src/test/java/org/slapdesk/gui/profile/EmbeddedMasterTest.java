package org.slapdesk.gui.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMasterTest {

    @TempDir
    Path dir;

    @Test
    void theLocalMasterKeepsItsUrlAcrossRestartsSoNodesStillFindIt() throws Exception {
        Path database = dir.resolve("local-master.sqlite");
        String first;
        try (EmbeddedMaster master = EmbeddedMaster.start(database)) {
            first = master.url();
            assertThat(master.nodes()).isEmpty();
        }
        try (EmbeddedMaster again = EmbeddedMaster.start(database)) {
            assertThat(again.url()).isEqualTo(first);
        }
    }

    @Test
    void aTakenPortMovesTheMasterToAFreeOneAndRemembersIt() throws Exception {
        Path database = dir.resolve("local-master.sqlite");
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Files.writeString(EmbeddedMaster.portFile(database), Integer.toString(squatter.getLocalPort()));
            try (EmbeddedMaster master = EmbeddedMaster.start(database)) {
                assertThat(master.url()).doesNotContain(":" + squatter.getLocalPort() + "/");
                assertThat(Files.readString(EmbeddedMaster.portFile(database)).trim())
                        .isEqualTo(Integer.toString(URI.create(master.url()).getPort()));
            }
        }
    }
}
