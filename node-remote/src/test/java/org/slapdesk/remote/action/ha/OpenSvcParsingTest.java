package org.slapdesk.remote.action.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.ha.ClusterStatus.DaemonThread;
import org.slapdesk.remote.action.ha.ClusterStatus.ServiceSummary;
import org.slapdesk.remote.action.ha.ServiceStatus.Resource;

/** Seed 001's `om mon` and `om slapos/svc/comp1 print status`, flattened as in the seed and as the tree om prints. */
class OpenSvcParsingTest {

    static String resource(String name) {
        try (InputStream in = OpenSvcParsingTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mon-seed.txt", "mon-table.txt"})
    void readsOmMon(String file) {
        ClusterStatus mon = MonParser.parse(resource(file));
        assertThat(mon.nodes()).containsExactly("demo1", "demo2");
        assertThat(mon.threads())
                .extracting(DaemonThread::name)
                .containsExactly("daemon", "hb#1.rx", "hb#1.tx", "listener", "monitor", "scheduler");
        assertThat(mon.threads()).allMatch(DaemonThread::isRunning);
        DaemonThread rx = mon.threads().get(1);
        assertThat(rx.config()).isEqualTo("[::]:10000");
        assertThat(rx.perNode()).isEqualTo(Map.of("demo1", "/", "demo2", "O"));
        assertThat(mon.threads().get(3).config()).isEqualTo(":1214");
        assertThat(mon.threads().get(0).perNode()).isEmpty();

        assertThat(mon.nodeStats()).hasSize(2);
        assertThat(mon.nodeStats().get(0).score()).contains(69);
        assertThat(mon.nodeStats().get(1).score()).contains(70);
        assertThat(mon.nodeStats().get(0).load15m()).isEqualTo("0.0");
        assertThat(mon.nodeStats().get(0).mem()).isEqualTo("15/98%:3.82g");
        assertThat(mon.nodeStats().get(1).mem()).isEqualTo("9/98%:3.82g");
        assertThat(mon.nodeStats().get(1).swap()).isEqualTo("-");
        assertThat(mon.nodeStats().get(0).state()).isEmpty();

        assertThat(mon.services()).hasSize(1);
        ServiceSummary comp1 = mon.service("slapos/svc/comp1").orElseThrow();
        assertThat(comp1.avail()).isEqualTo(Availability.UP);
        assertThat(comp1.warn()).isFalse();
        assertThat(comp1.orchestrate()).isEqualTo("ha");
        assertThat(comp1.upInstances()).isEqualTo("1/1");
        assertThat(comp1.perNode().get("demo1").avail()).isEqualTo(Availability.UP);
        assertThat(comp1.perNode().get("demo1").leader()).isTrue();
        assertThat(comp1.perNode().get("demo2").avail()).isEqualTo(Availability.STANDBY_UP);
        assertThat(comp1.perNode().get("demo2").leader()).isFalse();
        assertThat(comp1.upOn()).containsExactly("demo1");
    }

    @Test
    void readsMonitorStatesWarningsAndColours() {
        String text = "\u001B[1mThreads\u001B[0m n1 n2\n daemon running | O O\n\n"
                + "*/svc/* n1 n2\n a/svc/web warn!^ ha 1/1 | O!^ starting >started X*P\n b/svc/db down ha 0/1 | X X\n";
        ClusterStatus mon = MonParser.parse(text.replaceAll("\u001B\\[[0-9;]*m", ""));
        ServiceSummary web = mon.service("a/svc/web").orElseThrow();
        assertThat(web.avail()).isEqualTo(Availability.WARN);
        assertThat(web.warn()).isTrue();
        assertThat(web.nonOptimalPlacement()).isTrue();
        assertThat(web.perNode().get("n1").monitor()).contains("starting");
        assertThat(web.perNode().get("n1").globalExpect()).contains("started");
        assertThat(web.perNode().get("n1").warn()).isTrue();
        assertThat(web.perNode().get("n2").frozen()).isTrue();
        assertThat(web.perNode().get("n2").unprovisioned()).isTrue();
        assertThat(mon.service("b/svc/db").orElseThrow().upOn()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"status-seed.txt", "status-tree.txt"})
    void readsPrintStatus(String file) {
        ServiceStatus status = StatusParser.parse(resource(file));
        assertThat(status.path()).isEqualTo("slapos/svc/comp1");
        assertThat(status.avail()).isEqualTo(Availability.UP);
        assertThat(status.instances()).extracting(ServiceStatus.Instance::node).containsExactly("demo2", "demo1");
        assertThat(status.instance("demo2").orElseThrow().avail()).isEqualTo(Availability.STANDBY_UP);
        assertThat(status.instance("demo2").orElseThrow().notices()).containsExactly("idle");
        assertThat(status.instance("demo2").orElseThrow().resources()).isEmpty();
        ServiceStatus.Instance demo1 = status.instance("demo1").orElseThrow();
        assertThat(demo1.notices()).containsExactly("idle", "started");
        assertThat(status.upOn()).containsExactly("demo1");

        List<Resource> resources = demo1.resources();
        assertThat(resources)
                .extracting(Resource::id)
                .containsExactly(
                        "volume#0",
                        "disk#0",
                        "disk#1",
                        "disk#2",
                        "disk#3",
                        "fs#0",
                        "fs#flag",
                        "fs#1",
                        "fs#2",
                        "fs#3",
                        "fs#4",
                        "fs#5",
                        "app#0",
                        "app#1",
                        "sync#i0",
                        "task#addpart",
                        "task#chkaddip",
                        "task#collect",
                        "task#delpart",
                        "task#software");
        Resource drbd = resources.get(4);
        assertThat(drbd.flags()).isEqualTo("......S.");
        assertThat(drbd.standby()).isTrue();
        assertThat(drbd.state()).isEqualTo(Availability.STANDBY_UP);
        assertThat(drbd.description()).isEqualTo("drbd comp1.slapos.svc.hyperopenx");
        assertThat(drbd.log()).containsExactly("info: Primary");
        assertThat(drbd.subset()).isEmpty();
        Resource fs0 = resources.get(5);
        assertThat(fs0.description()).isEqualTo("ext4 /dev/drbd0@/srv/comp1.slapos.svc.hyperopenx");
        assertThat(fs0.log()).isEmpty();
        assertThat(resources.get(7).subset()).contains("fs:binds");
        assertThat(resources.get(7).description()).endsWith("@/etc/re6stnet");
        assertThat(resources.get(12).subset()).contains("app:re6st");
        assertThat(resources.get(12).description()).isEqualTo("forking: re6st");
        assertThat(resources.get(12).flags()).isEqualTo("...../..");
        assertThat(resources.get(13).subset()).contains("app:slapos");
        Resource sync = resources.get(14);
        assertThat(sync.subset()).isEmpty();
        assertThat(sync.optional()).isTrue();
        assertThat(sync.description()).isEqualTo("rsync svc config to nodes");
        Resource task = resources.get(15);
        assertThat(task.subset()).contains("task:admin");
        assertThat(task.parallelSubset()).isTrue();
        assertThat(task.state()).isEqualTo(Availability.UP);
        assertThat(resources).allMatch(r -> !r.running() && !r.disabled() && !r.unprovisioned());
    }

    @Test
    void servicePathsAreValidated() {
        assertThat(ServicePath.parse("slapos/svc/comp1").toString()).isEqualTo("slapos/svc/comp1");
        assertThatThrownBy(() -> ServicePath.parse("comp1"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("namespace/kind/name");
        assertThatThrownBy(() -> ServicePath.parse("slapos/svc/comp1;reboot"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ServicePath.parse("slapos/svc/--force")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ServicePath.parse("slapos/box/comp1"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("kind");
        assertThatThrownBy(() -> ServicePath.parse("slapos/svc/a/b")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new OpenSvcAction(
                        OpenSvc.standard(),
                        ServicePath.parse("slapos/cfg/comp1"),
                        OpenSvcAction.Operation.START,
                        Duration.ZERO))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("only services");
    }
}
