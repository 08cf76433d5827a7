package org.slapdesk.remote.action.slapos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.PlanRunner;
import org.slapdesk.remote.action.ProgressListener;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.OutputListener;
import org.slapdesk.remote.testing.OnTestHost;
import org.slapdesk.testlab.SlaposVenv;

/**
 * A real instance supervisord on a test host, configured by slapos' own code and templates
 * (svcbackend.createSupervisordConfiguration, the partition group / program templates),
 * driven through the real `slapos node status / start / restart`.
 */
class NodeStatusTest extends OnTestHost {

    private SlaposNode slapos;

    @BeforeAll
    void instanceSupervisord() throws Exception {
        SlaposVenv venv = SlaposVenv.require();
        slapos = new SlaposNode(venv.slapos().toString(), "/etc/opt/slapos/slapos.cfg");
        host.sh("mkdir -p /etc/opt/slapos /srv/slapgrid/slappart0 /opt/slapgrid /opt/slapos/log");
        host.writeFile(
                "/etc/opt/slapos/slapos.cfg",
                "[slapos]\nmaster_url = http://127.0.0.1:1/\ncomputer_id = COMP-TEST\n"
                        + "software_root = /opt/slapgrid\ninstance_root = /srv/slapgrid\n");
        host.writeFile(
                "/tmp/partition.py",
                """
                import logging, os, pkg_resources
                from slapos.grid.svcbackend import createSupervisordConfiguration
                createSupervisordConfiguration('/srv/slapgrid', logging.getLogger())
                group = pkg_resources.resource_string('slapos.grid', 'templates/group_partition_supervisord.conf.in').decode()
                program = pkg_resources.resource_string('slapos.grid', 'templates/program_partition_supervisord.conf.in').decode()
                programs = {'sleeper': ('sleeper-on-watch', 'sleep 1000'), 'crasher': ('crasher', 'sh -c "exit 3"'),
                            'idle': ('idle', 'sleep 1000')}
                text = group % {'instance_id': 'slappart0', 'program_list': ','.join('slappart0_' + p for p in programs)}
                for pid, (name, command) in programs.items():
                    text += program % {'program_id': 'slappart0_' + pid, 'program_directory': '/srv/slapgrid/slappart0',
                        'program_command': command, 'program_name': name, 'user_id': 0, 'group_id': 0,
                        'instance_path': '/srv/slapgrid/slappart0', 'USER': 'root', 'HOME': '/root'}
                open('/srv/slapgrid/etc/supervisord.conf.d/slappart0.conf', 'w').write(text)
                """);
        host.sh(venv.python() + " /tmp/partition.py");
        node.run(slapos.command("start", "slappart0:sleeper-on-watch", "slappart0:crasher"));
    }

    @Test
    void statusListsTypedProcessStates() throws Exception {
        Map<String, ProcessStatus> byName =
                slapos.status(node).stream().collect(Collectors.toMap(ProcessStatus::fullName, p -> p));
        // watchdog: slapos' own supervisor program (no command until slapgrid configures it)
        assertThat(byName)
                .containsOnlyKeys("slappart0:sleeper-on-watch", "slappart0:crasher", "slappart0:idle", "watchdog");
        ProcessStatus sleeper = byName.get("slappart0:sleeper-on-watch");
        assertThat(sleeper.state()).isEqualTo(ProcessState.RUNNING);
        assertThat(sleeper.isWatched()).isTrue();
        assertThat(sleeper.pid()).isPresent();
        assertThat(host.sh("cat /proc/" + sleeper.pid().getAsLong() + "/cmdline | tr '\\0' ' '"))
                .isEqualTo("sleep 1000 ");
        assertThat(byName.get("slappart0:crasher").state())
                .isIn(ProcessState.EXITED, ProcessState.FATAL, ProcessState.BACKOFF);
        assertThat(byName.get("slappart0:idle").state()).isEqualTo(ProcessState.STOPPED);
        assertThat(byName.get("slappart0:idle").pid()).isEmpty();
    }

    @Test
    void restartGivesTheProcessANewPid() throws Exception {
        long before = pidOf("slappart0:sleeper-on-watch");
        RestartProcessAction restart = new RestartProcessAction(slapos, "slappart0:sleeper-on-watch");
        assertThat(restart.plan(node).preview())
                .contains("'node' 'restart' '--cfg' '/etc/opt/slapos/slapos.cfg' 'slappart0:sleeper-on-watch'");
        new PlanRunner(node).apply(restart, restart.plan(node), ProgressListener.NONE, CancellationToken.none());
        assertThat(pidOf("slappart0:sleeper-on-watch")).isNotEqualTo(before);
    }

    @Test
    void restartingAnUnknownOrBadlyNamedProcessIsRefused() {
        assertThatThrownBy(() -> new RestartProcessAction(slapos, "slappart0:nope").plan(node))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("slappart0:sleeper-on-watch");
        assertThatThrownBy(() -> new RestartProcessAction(slapos, "all; reboot"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void logsAreFollowedAsAStreamUntilCancelled() throws Exception {
        host.sh("printf 'old 1\\nold 2\\nold 3\\n' > " + NodeLogs.SOFTWARE_LOG);
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        CancellationToken cancel = new CancellationToken();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> following = pool.submit(() -> {
                NodeLogs.follow(
                        node,
                        NodeLogs.SOFTWARE_LOG,
                        2,
                        Duration.ofSeconds(60),
                        new OutputListener() {
                            @Override
                            public void stdout(String line) {
                                lines.add(line);
                            }

                            @Override
                            public void stderr(String line) {}
                        },
                        cancel);
                return null;
            });
            waitFor(() -> lines.size() >= 2);
            host.sh("echo new line >> " + NodeLogs.SOFTWARE_LOG);
            waitFor(() -> lines.size() >= 3);
            cancel.cancel();
            following.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(lines).containsExactly("old 2", "old 3", "new line");
        assertThat(host.exec("pgrep", "-f", "tail -n 2 -F").exitCode()).isEqualTo(1);
    }

    @Test
    void parsesSupervisorLines() {
        List<ProcessStatus> all = ProcessStatus.parseAll(
                """
                slappart0:nginx-on-watch         RUNNING   pid 4242, uptime 1:02:03
                slappart0:bootstrap-monitor      EXITED    Nov 21 10:00 PM
                slappart3:mariadb-on-watch       FATAL     Exited too quickly (process log may have details)
                watchdog                         RUNNING   pid 12, uptime 5 days, 2:00:01
                unix:///srv/slapgrid/sv.sock no such file
                """);
        assertThat(all).hasSize(4);
        assertThat(all.get(0).pid()).hasValue(4242);
        assertThat(all.get(0).uptime()).contains("1:02:03");
        assertThat(all.get(1).state()).isEqualTo(ProcessState.EXITED);
        assertThat(all.get(1).description()).isEqualTo("Nov 21 10:00 PM");
        assertThat(all.get(2).group()).isEqualTo("slappart3");
        assertThat(all.get(2).state()).isEqualTo(ProcessState.FATAL);
        assertThat(all.get(3).group()).isEmpty();
        assertThat(all.get(3).fullName()).isEqualTo("watchdog");
    }

    private long pidOf(String process) throws NodeException {
        return slapos.status(node).stream()
                .filter(p -> p.fullName().equals(process))
                .findFirst()
                .orElseThrow()
                .pid()
                .orElseThrow();
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("not within 15 s").isLessThan(end);
            Thread.sleep(50);
        }
    }
}
