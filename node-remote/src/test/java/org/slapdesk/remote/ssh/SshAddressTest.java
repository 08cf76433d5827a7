package org.slapdesk.remote.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SshAddressTest {

    private static final Path KNOWN_HOSTS = Path.of("/nonexistent/known_hosts");

    @Test
    void anIpv6AddressIsTheSameBareOrInBrackets() {
        assertThat(SshAddress.parse("fd00::2")).isEqualTo(bare("fd00::2"));
        assertThat(SshAddress.parse("[fd00::2]")).isEqualTo(bare("fd00::2"));
        assertThat(SshAddress.parse("[fd00::2]:2222"))
                .isEqualTo(new SshAddress(Optional.empty(), "fd00::2", OptionalInt.of(2222)));
        assertThat(SshAddress.parse("admin@[fd00::2]:2222"))
                .isEqualTo(new SshAddress(Optional.of("admin"), "fd00::2", OptionalInt.of(2222)));
    }

    @Test
    void userHostAndPortOfANameOrIpv4() {
        assertThat(SshAddress.parse("admin@node1.example.org:2200"))
                .isEqualTo(new SshAddress(Optional.of("admin"), "node1.example.org", OptionalInt.of(2200)));
        assertThat(SshAddress.parse("192.0.2.10")).isEqualTo(bare("192.0.2.10"));
    }

    @Test
    void theTargetOfABracketedHostIsBareSoItsDisplayAndKnownHostsFieldAreRight() {
        SshTarget target = SshAddress.parse("[fd00::2]").target("root", 22, Optional.empty(), KNOWN_HOSTS);
        assertThat(target.host()).isEqualTo("fd00::2");
        assertThat(target.display()).isEqualTo("root@[fd00::2]:22");
        assertThat(KnownHostsVerifier.hostField(target.host(), target.port())).isEqualTo("fd00::2");
        assertThat(KnownHostsVerifier.verifyCommand(target.host(), target.port()))
                .isEqualTo("ssh-keyscan -p 22 'fd00::2' | ssh-keygen -lf -");
        SshTarget onOtherPort =
                SshAddress.parse("slapos@[fd00::2]:2222").target("root", 22, Optional.empty(), KNOWN_HOSTS);
        assertThat(onOtherPort.user()).isEqualTo("slapos");
        assertThat(KnownHostsVerifier.hostField(onOtherPort.host(), onOtherPort.port()))
                .isEqualTo("[fd00::2]:2222");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fd00::zz::1", "fd00::1::1", "bad;host", "-oProxyCommand=x", "-p", "a b", "300.1.1.1"})
    void badHostsAreRefusedNamingTheValue(String host) {
        assertThatThrownBy(() -> SshAddress.parse(host))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + host + "'");
    }

    @Test
    void aTargetCannotBeMadeOfABracketedOrOptionLikeHost() {
        assertThatThrownBy(() -> SshTarget.of("[fd00::2]", 22, "root", null, KNOWN_HOSTS))
                .hasMessageContaining("'[fd00::2]' is not a host name or address");
        assertThatThrownBy(() -> SshTarget.of("-oProxyCommand=x", 22, "root", null, KNOWN_HOSTS))
                .hasMessageContaining("'-oProxyCommand=x'");
    }

    @Test
    void badPortsUsersAndBracketsAreRefused() {
        assertThatThrownBy(() -> SshAddress.parse("[fd00::2")).hasMessageContaining("a [ without ]");
        assertThatThrownBy(() -> SshAddress.parse("[fd00::2]2222")).hasMessageContaining("expected :PORT after ]");
        assertThatThrownBy(() -> SshAddress.parse("node1:ssh")).hasMessageContaining("'ssh' is not a port");
        assertThatThrownBy(() -> SshAddress.parse("node1:70000")).hasMessageContaining("outside 1-65535");
        assertThatThrownBy(() -> SshAddress.parse("root;reboot@node1"))
                .hasMessageContaining("'root;reboot' is not a user name");
        assertThatThrownBy(() -> SshAddress.parse("[node1]:22")).hasMessageContaining("IPv6 address only");
        assertThatThrownBy(() -> SshAddress.parse(" ")).hasMessageContaining("no host given");
    }

    private static SshAddress bare(String host) {
        return new SshAddress(Optional.empty(), host, OptionalInt.empty());
    }
}
