package org.slapdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The monitor's options: loopback unless told otherwise, and readable intervals. */
class MonitorCommandTest {

    @Test
    void aNetworkAddressIsRefusedWithoutListenAny() {
        CliRun run = CliRun.of("monitor", "--master-url", "http://127.0.0.1:1/", "--metrics-listen", "0.0.0.0:9464");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("not a loopback address").contains("--listen-any");
    }

    @Test
    void listenAnyAllowsANetworkAddress() {
        assertThat(MonitorCommand.listenAddress("0.0.0.0:9464", true).port()).isEqualTo(9464);
        assertThat(MonitorCommand.listenAddress("[::1]:9464", false).address().isLoopbackAddress())
                .isTrue();
    }

    @Test
    void intervalsReadAsDurations() {
        assertThat(MonitorCommand.parseInterval("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(MonitorCommand.parseInterval("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(MonitorCommand.parseInterval("45")).isEqualTo(Duration.ofSeconds(45));
        assertThatThrownBy(() -> MonitorCommand.parseInterval("soon")).hasMessageContaining("--interval");
    }
}
