package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.wire.SlapObject;
import org.slapdesk.core.wire.Tuple;
import org.slapdesk.core.wire.XmlMarshal;
import org.slapdesk.master.store.Database;

/** The master's rules, without HTTP: status texts and since, shapes, trees, formats. */
class MasterServiceTest {

    static final String SR = "https://lab.example/software/demo/software.cfg";

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    Path dir;

    Database database;
    HandClock clock = new HandClock();
    MasterService master;

    @BeforeEach
    void open() throws Exception {
        database = Database.open(dir.resolve("m.sqlite"));
        master = new MasterService(database, clock, null, null);
    }

    @AfterEach
    void close() throws Exception {
        database.close();
    }

    static Map<String, Object> computer(String reference, int partitions) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("reference", "slappart" + i);
            p.put("address_list", List.of(Map.of("addr", "10.0.0." + (i + 2), "netmask", "255.255.255.255")));
            p.put("tap", Map.of("name", "slaptap" + i));
            list.add(p);
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("reference", reference);
        c.put("address", "10.0.0.1");
        c.put("netmask", "255.255.255.0");
        c.put("partition_list", list);
        return c;
    }

    MasterService.RequestOutcome request(String title, Map<String, Object> sla, boolean shared) {
        return master.request(
                new InstanceRequestForm(SR, title, null, Map.of("p", "v"), sla, null, shared, null, null));
    }

    @Test
    void fullComputerInformationHasTheMastersShape() throws Exception {
        master.format(computer("COMP-1", 2));
        master.supply(SR, "COMP-1", "available");
        request("svc", Map.of(), false);
        SlapObject computerObject = master.fullComputerInformation("COMP-1");
        // it survives a marshalling round trip, as the node reads it
        SlapObject read = (SlapObject) XmlMarshal.loads(XmlMarshal.dumps(computerObject));
        assertThat(read.className()).isEqualTo("Computer");
        assertThat(read.initArgs()).containsExactly("COMP-1");
        Map<String, Object> state = read.stateMap();
        assertThat(state).containsKeys("_computer_id", "_computer_partition_list", "_software_release_list");
        @SuppressWarnings("unchecked")
        List<Object> partitions = (List<Object>) state.get("_computer_partition_list");
        SlapObject busy = (SlapObject) partitions.get(0);
        SlapObject free = (SlapObject) partitions.get(1);
        assertThat(free.initArgs()).containsExactly("COMP-1", "slappart1", null);
        assertThat(free.stateMap())
                .containsEntry("_requested_state", "destroyed")
                .containsEntry("_need_modification", 0L)
                .containsEntry("_software_release_document", null)
                .containsEntry("_request_dict", null);
        assertThat(busy.stateMap())
                .containsKeys(
                        "_access_status",
                        "_connection_dict",
                        "_filter_dict",
                        "_instance_guid",
                        "_parameter_dict",
                        "_software_release_document")
                .containsEntry("_need_modification", 1L)
                .containsEntry("_requested_state", "started");
        @SuppressWarnings("unchecked")
        Map<String, Object> parameters = (Map<String, Object>) busy.stateMap().get("_parameter_dict");
        assertThat(parameters)
                .containsEntry("p", "v")
                .containsEntry("instance_title", "svc")
                .containsEntry("root_instance_title", "svc")
                .containsEntry("slap_computer_id", "COMP-1")
                .containsEntry("slap_computer_partition_id", "slappart0")
                .containsEntry("slap_software_release_url", SR)
                .containsEntry("slap_software_type", "default")
                .containsKeys("full_ip_list", "timestamp", "slave_instance_list", "root_instance_short_title");
        assertThat(parameters.get("ip_list")).isEqualTo(List.of(Tuple.of("slaptap0", "10.0.0.2")));
        SlapObject release = (SlapObject) busy.stateMap().get("_software_release_document");
        assertThat(release.className()).isEqualTo("SoftwareRelease");
        assertThat(release.initArgs()).containsExactly(SR, "COMP-1");
        @SuppressWarnings("unchecked")
        SlapObject supplied = ((List<SlapObject>) (List<?>) state.get("_software_release_list")).get(0);
        assertThat(supplied.stateMap())
                .containsEntry("_requested_state", "available")
                .containsEntry("_software_release", SR);
    }

    @Test
    void accessStatusKeepsSinceWhileTheClassIsUnchanged() {
        master.format(computer("COMP-1", 1));
        Map<String, Object> none = master.computerStatus("COMP-1");
        assertThat(none).containsEntry("no_data", 1L).containsEntry("text", "#error no data found for COMP-1");

        master.fullComputerInformation("COMP-1");
        Map<String, Object> first = master.computerStatus("COMP-1");
        assertThat(first.get("text")).isEqualTo("#access COMP-1");
        assertThat(first.get("created_at")).isEqualTo("Mon, 23 Nov 2026 10:00:00 GMT");

        clock.now = clock.now.plus(Duration.ofMinutes(2));
        master.fullComputerInformation("COMP-1");
        Map<String, Object> second = master.computerStatus("COMP-1");
        assertThat(second.get("created_at")).isEqualTo("Mon, 23 Nov 2026 10:02:00 GMT");
        assertThat(second.get("since")).isEqualTo("Mon, 23 Nov 2026 10:00:00 GMT");
        assertThat(second).doesNotContainKey("no_data_since_5_minutes");

        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(master.computerStatus("COMP-1"))
                .containsEntry("no_data_since_5_minutes", 1L)
                .doesNotContainKey("no_data_since_15_minutes");
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(master.computerStatus("COMP-1")).containsEntry("no_data_since_15_minutes", 1L);

        // instance: started, then an error (class changes: since moves), then another error (kept)
        request("svc", Map.of(), false);
        master.instanceReport("COMP-1", "slappart0", "started");
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        master.instanceError("COMP-1", "slappart0", "first", null);
        Instant errorSince = clock.now;
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        master.instanceError("COMP-1", "slappart0", "second", null);
        Map<String, Object> status = master.partitionStatus("COMP-1", "slappart0");
        assertThat(status.get("text")).isEqualTo("#error while instanciating: second");
        assertThat(status.get("since"))
                .isEqualTo(DateTimeFormatter.RFC_1123_DATE_TIME
                        .withZone(ZoneOffset.UTC)
                        .format(errorSince));
    }

    @Test
    void sharedInstancesPickTheNamedHostAndFollowIt() {
        master.format(computer("COMP-1", 3));
        String first = request("host-a", Map.of(), false).instance().guid();
        String second = request("host-b", Map.of(), false).instance().guid();
        var pinned = request("shared", Map.of("instance_guid", second), true);
        assertThat(pinned.allocated()).isTrue();
        assertThat(pinned.instance().partitionReference()).isEqualTo("slappart1");
        assertThat(first).isNotEqualTo(second);
        // the host goes away: the shared instance waits (408) until a matching host exists again
        master.request(new InstanceRequestForm(
                SR, "host-b", null, Map.of("p", "v"), Map.of(), "destroyed", false, null, null));
        master.destroyedPartition("COMP-1", "slappart1");
        assertThat(request("shared", Map.of("instance_guid", second), true).allocated())
                .isFalse();
        assertThat(request("shared", Map.of(), true).allocated()).isTrue();
    }

    @Test
    void refusalsAreClear() {
        master.format(computer("COMP-1", 1));
        request("a", Map.of(), false);
        assertThatThrownBy(() -> request("a", Map.of(), true))
                .isInstanceOf(RequestError.class)
                .hasMessageContaining("already exists as a normal instance");
        assertThatThrownBy(() -> master.format(Map.of("reference", "X"))).hasMessageContaining("partition_list");
        assertThatThrownBy(() -> master.format(Map.of("reference", "X", "partition_list", List.of("nope"))))
                .hasMessageContaining("must be a dictionary");
        assertThatThrownBy(() -> master.rename("COMP-1", "slappart9", "b", null))
                .hasMessageContaining("unknown partition");
        assertThatThrownBy(() -> master.request(
                        new InstanceRequestForm(SR, "ghost", null, Map.of(), Map.of(), "destroyed", false, null, null)))
                .hasMessageContaining("no instance titled 'ghost'");
    }

    @Test
    void reformattingWithFewerPartitionsKeepsBusyOnesAsideAndDropsFreeOnes() {
        master.format(computer("COMP-1", 3));
        request("svc", Map.of(), false);
        master.format(computer("COMP-1", 0));
        var node = master.queries().nodes("COMP-1").get(0);
        assertThat(node.partitions())
                .extracting(p -> p.reference() + ":" + p.slapState())
                .containsExactly("slappart0:inactive");
        @SuppressWarnings("unchecked")
        List<Object> seen = (List<Object>)
                master.fullComputerInformation("COMP-1").stateMap().get("_computer_partition_list");
        assertThat(seen).isEmpty();
        master.format(computer("COMP-1", 2));
        assertThat(master.queries().nodes("COMP-1").get(0).partitions())
                .extracting(p -> p.reference() + ":" + p.slapState())
                .containsExactly("slappart0:busy", "slappart1:free");
    }
}
