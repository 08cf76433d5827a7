package org.slapdesk.remote.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.store.KnownNodeRecord;

class SshConfigTest {

    @TempDir
    Path home;

    private Path ssh;

    @BeforeEach
    void sshFolder() throws Exception {
        ssh = Files.createDirectories(home.resolve(".ssh"));
        Files.createDirectories(ssh.resolve("config.d"));
        Files.writeString(
                ssh.resolve("config.d/paris"),
                """
                Host paris-1
                    HostName 192.0.2.11
                """);
        Files.writeString(
                ssh.resolve("config"),
                """
                # an operator's config
                Include config.d/*
                Host bastion
                    HostName bastion.example.org
                    User jump
                    Port 2222

                Host comp-1 comp-2
                    HostName %h.nodes.example.org
                    ProxyJump bastion

                Host comp-3
                    HostName 2001:db8::3
                    User slapos
                    IdentityFile ~/.ssh/id_comp3

                Host *.internal !skip.internal
                    User admin

                Host db.internal
                    Port=2200

                Host evil
                    HostName -oProxyCommand=touch /tmp/x

                Match host foo exec "true"
                    User nobody

                Host *
                    User root
                    IdentityFile "~/.ssh/id_ed25519"
                    ServerAliveInterval 30
                """);
    }

    private Map<String, ImportedNode> read() throws Exception {
        SshConfig.Result result = SshConfig.readDefault(home);
        return result.nodes().stream().collect(Collectors.toMap(ImportedNode::name, Function.identity()));
    }

    @Test
    void everyConcreteHostWithItsFirstValuesAndTheHostStarDefaults() throws Exception {
        SshConfig.Result result = SshConfig.readDefault(home);
        assertThat(result.nodes())
                .extracting(ImportedNode::name)
                .containsExactly("paris-1", "bastion", "comp-1", "comp-2", "comp-3", "db.internal");
        Map<String, ImportedNode> nodes = read();
        Path defaultKey = ssh.resolve("id_ed25519");

        assertThat(nodes.get("paris-1").describe("root")).isEqualTo("paris-1  root@192.0.2.11:22  key " + defaultKey);
        assertThat(nodes.get("bastion").record("root").label()).isEqualTo("jump@bastion.example.org:2222");
        assertThat(nodes.get("comp-1").describe("root"))
                .isEqualTo("comp-1  root@comp-1.nodes.example.org:22  key " + defaultKey
                        + "  via jump@bastion.example.org:2222");
        assertThat(nodes.get("comp-2").address().host()).isEqualTo("comp-2.nodes.example.org");

        KnownNodeRecord comp3 = nodes.get("comp-3").record("root");
        assertThat(comp3.label()).isEqualTo("slapos@[2001:db8::3]:22");
        assertThat(comp3.keyPath()).contains(ssh.resolve("id_comp3"));
        assertThat(comp3.name()).isEqualTo("comp-3");
        assertThat(comp3.jumpHost()).isEmpty();

        // the earlier *.internal block gives the user before Host * does
        assertThat(nodes.get("db.internal").record("root").label()).isEqualTo("admin@db.internal:2200");
    }

    @Test
    void wildcardsMatchBlocksAndBadHostsAreNotImportedWithANote() throws Exception {
        SshConfig.Result result = SshConfig.readDefault(home);
        assertThat(result.nodes())
                .extracting(ImportedNode::name)
                .doesNotContain("*", "*.internal", "!skip.internal", "evil", "foo");
        assertThat(result.notes())
                .anySatisfy(
                        n -> assertThat(n).contains("line 26: Match host foo").contains("skipped"))
                .anySatisfy(n -> assertThat(n).startsWith("Host evil is not imported"));
    }

    @Test
    void aMissingIncludeAndSeveralJumpsAreNoted() throws Exception {
        Files.writeString(
                ssh.resolve("config"),
                """
                Include nothing-here
                Host far
                    ProxyJump a.example.org,b.example.org
                Host near
                    HostName near.example.org
                    ProxyJump admin@gate.example.org:2200
                """);
        SshConfig.Result result = SshConfig.readDefault(home);
        assertThat(result.nodes()).extracting(ImportedNode::name).containsExactly("near");
        assertThat(result.nodes().get(0).record("root").jumpHost()).contains("admin@gate.example.org:2200");
        assertThat(result.notes())
                .anySatisfy(n -> assertThat(n).contains("Include nothing-here: no such file"))
                .anySatisfy(
                        n -> assertThat(n).contains("Host far is not imported").contains("several jump hosts"));
    }

    @Test
    void aHostsFileGivesTheSameRecords() {
        List<ImportedNode> nodes = HostsFile.nodes(
                List.of("# nodes", "", "root@[fd00::2]:2222", "comp-1.example.org", "slapos@192.0.2.5"), "hosts");
        assertThat(nodes)
                .extracting(n -> n.record("root").label())
                .containsExactly("root@[fd00::2]:2222", "root@comp-1.example.org:22", "slapos@192.0.2.5:22");
        assertThatThrownBy(() -> HostsFile.parse(List.of("ok.example.org", "bad;host"), "hosts"))
                .hasMessageContaining("hosts line 2");
    }
}
