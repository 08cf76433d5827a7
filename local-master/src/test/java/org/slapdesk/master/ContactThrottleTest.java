package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.master.MasterServiceTest.HandClock;
import org.slapdesk.master.store.Database;

/**
 * A node polling its full information is not a write per poll: its contact is written at most
 * every ten seconds, far inside the minutes the health thresholds allow.
 */
class ContactThrottleTest {

    @TempDir
    Path dir;

    private final HandClock clock = new HandClock();
    private Database database;
    private MasterService master;

    @BeforeEach
    void open() throws Exception {
        database = Database.open(dir.resolve("m.sqlite"));
        master = new MasterService(database, clock, null, null);
        master.format(MasterServiceTest.computer("COMP-1", 2));
    }

    @AfterEach
    void close() throws Exception {
        database.close();
    }

    @Test
    void aContactWithinTenSecondsOfTheLastIsNotWrittenAndOneAfterIs() {
        master.fullComputerInformation("COMP-1");
        Object first = contactTime();

        clock.now = clock.now.plus(Duration.ofSeconds(5));
        master.fullComputerInformation("COMP-1");
        assertThat(contactTime()).isEqualTo(first);

        clock.now = clock.now.plus(Duration.ofSeconds(6));
        master.fullComputerInformation("COMP-1");
        assertThat(contactTime()).isNotEqualTo(first);
    }

    @Test
    void aNodeSilentBeyondTheThresholdStillTurnsSilent() {
        master.fullComputerInformation("COMP-1");
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(master.computerStatus("COMP-1")).containsKey("no_data_since_5_minutes");
        master.fullComputerInformation("COMP-1");
        assertThat(master.computerStatus("COMP-1")).doesNotContainKey("no_data_since_5_minutes");
    }

    @Test
    void aRepeatedInstanceReportWithinTenSecondsIsNotWrittenButAChangeAlwaysIs() {
        master.request(new InstanceRequestForm(
                "https://lab.example/s.cfg", "svc", null, Map.of(), Map.of(), null, false, null, null));
        master.instanceReport("COMP-1", "slappart0", "started");
        Object first = reportTime();

        clock.now = clock.now.plus(Duration.ofSeconds(5));
        assertThat(master.instanceReport("COMP-1", "slappart0", "started")).isEqualTo("OK");
        assertThat(reportTime()).isEqualTo(first);

        clock.now = clock.now.plus(Duration.ofSeconds(1));
        master.instanceReport("COMP-1", "slappart0", "stopped");
        assertThat(master.partitionStatus("COMP-1", "slappart0").get("text"))
                .isEqualTo("#access Instance correctly stopped");

        clock.now = clock.now.plus(Duration.ofSeconds(11));
        master.instanceReport("COMP-1", "slappart0", "stopped");
        assertThat(reportTime()).isNotEqualTo(first);
        assertThat(master.instanceReport("COMP-1", "slappart1", "started")).isEqualTo("Ignored");
    }

    private Object reportTime() {
        return master.partitionStatus("COMP-1", "slappart0").get("created_at");
    }

    private Object contactTime() {
        return master.computerStatus("COMP-1").get("created_at");
    }
}
