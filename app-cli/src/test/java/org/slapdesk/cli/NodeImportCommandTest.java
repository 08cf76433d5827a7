package org.slapdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.store.AppStore;
import org.slapdesk.core.store.KnownNodeRecord;

/** `slapdesk node import`: an ssh config and a hosts file into the application's known nodes (a real SQLite file). */
class NodeImportCommandTest {

    @TempDir
    Path dir;

    @Test
    void anSshConfigIsListedThenAddedOnceWithItsKeysAndJumpHost() throws Exception {
        Path included = Files.writeString(dir.resolve("lille"), "Host lille-1\n    HostName 192.0.2.21\n");
        Path config = Files.writeString(
                dir.resolve("config"),
                "Include " + included + "\n"
                        + "Host gate\n    HostName gate.example.org\n    User jump\n"
                        + "Host paris-1\n    HostName 2001:db8::11\n    ProxyJump gate\n"
                        + "    IdentityFile /keys/paris\n"
                        + "Match user nobody\n    Port 1\n"
                        + "Host *\n    User slapos\n");
        Path store = dir.resolve("slapdesk.db");

        CliRun listed = CliRun.of("node", "import", "--ssh-config", config.toString(), "--store", store.toString());
        assertThat(listed.exit()).as(listed.err()).isZero();
        assertThat(listed.out())
                .contains("new    lille-1  slapos@192.0.2.21:22\n")
                .contains("new    gate  jump@gate.example.org:22\n")
                .contains("new    paris-1  slapos@[2001:db8::11]:22  key /keys/paris  via jump@gate.example.org\n")
                .contains("note: " + config + " line 9: Match user nobody is skipped")
                .contains("3 new node(s): run again with --add to add them");
        try (AppStore app = AppStore.open(store)) {
            assertThat(app.knownNodes().list()).isEmpty();
        }

        CliRun added =
                CliRun.of("node", "import", "--ssh-config", config.toString(), "--store", store.toString(), "--add");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).contains("added  paris-1").contains("3 node(s) added to " + store);
        try (AppStore app = AppStore.open(store)) {
            KnownNodeRecord paris =
                    app.knownNodes().find("2001:db8::11", 22, "slapos").orElseThrow();
            assertThat(paris.name()).isEqualTo("paris-1");
            assertThat(paris.keyPath()).contains(Path.of("/keys/paris"));
            assertThat(paris.jumpHost()).contains("jump@gate.example.org");
            assertThat(app.knownNodes().list()).hasSize(3);
        }

        CliRun again = CliRun.of("node", "import", "--ssh-config", config.toString(), "--store", store.toString());
        assertThat(again.out()).contains("known  paris-1").contains("nothing new to add");
    }

    @Test
    void aHostsFileIsImportedWithTheGivenUserAndKeyAndABadLineStopsIt() throws Exception {
        Path hosts = Files.writeString(dir.resolve("hosts"), "# fleet\n[fd00::2]:2222\nadmin@comp-1.example.org\n");
        Path store = dir.resolve("slapdesk.db");
        CliRun added = CliRun.of(
                "node",
                "import",
                "--hosts-file",
                hosts.toString(),
                "--key",
                "/keys/fleet",
                "--store",
                store.toString(),
                "--add");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out())
                .contains("added  root@[fd00::2]:2222  key /keys/fleet")
                .contains("added  admin@comp-1.example.org:22  key /keys/fleet");
        try (AppStore app = AppStore.open(store)) {
            assertThat(app.knownNodes()
                            .find("fd00::2", 2222, "root")
                            .orElseThrow()
                            .keyPath())
                    .isEqualTo(Optional.of(Path.of("/keys/fleet")));
        }

        Files.writeString(hosts, "ok.example.org\n-oProxyCommand=x\n");
        CliRun bad = CliRun.of("node", "import", "--hosts-file", hosts.toString(), "--store", store.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains(hosts + " line 2");
    }
}
