package org.slapdesk.gui.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.master.ClientOptions;
import org.slapdesk.core.master.MasterHttp;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.SlapEndpoint;

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

    @Test
    void aSecondStartOnTheSameDatabaseUsesTheRunningMasterInsteadOfStartingAnother() throws Exception {
        Path database = dir.resolve("local-master.sqlite");
        try (EmbeddedMaster first = EmbeddedMaster.start(database)) {
            String portBefore = Files.readString(EmbeddedMaster.portFile(database));
            try (EmbeddedMaster second = EmbeddedMaster.start(database)) {
                assertThat(second.url()).isEqualTo(first.url());
                formatAnEmptyNode(second.url(), "COMP-0");
                second.supply("https://lab.example/software.cfg", "COMP-0");
            }
            assertThat(Files.readString(EmbeddedMaster.portFile(database))).isEqualTo(portBefore);
            // closing the second stopped nothing: the first still serves, and saw the second's write
            assertThat(first.node("COMP-0").software())
                    .extracting(s -> s.softwareReleaseUrl())
                    .containsExactly("https://lab.example/software.cfg");
        }
    }

    @Test
    void aHeldDatabaseWhoseMasterDoesNotAnswerIsRefusedWithTheReason() throws Exception {
        Path database = dir.resolve("local-master.sqlite");
        try (EmbeddedMaster first = EmbeddedMaster.start(database)) {
            int silent;
            try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                silent = closed.getLocalPort();
            }
            Files.writeString(EmbeddedMaster.portFile(database), Integer.toString(silent));
            assertThatThrownBy(() -> EmbeddedMaster.start(database))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("held by another Slapdesk process")
                    .hasMessageContaining("does not answer on port " + silent);
        }
    }

    /** What {@code slapos node format} posts for a node with no partition. */
    private static void formatAnEmptyNode(String masterUrl, String reference) throws Exception {
        Map<String, Object> computer = new LinkedHashMap<>();
        computer.put("reference", reference);
        computer.put("address", "10.0.0.1");
        computer.put("netmask", "255.255.255.0");
        computer.put("partition_list", List.of());
        try (MasterHttp http = MasterHttp.open(MasterProfile.plain("node", masterUrl), ClientOptions.defaults())) {
            new SlapEndpoint(http, URI.create(masterUrl)).loadComputerConfigurationFromXml(computer);
        }
    }
}
