package org.slapdesk.gui.nodes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slapdesk.core.store.KnownNodeRecord;
import org.slapdesk.remote.ssh.ConnectOptions;
import org.slapdesk.testlab.SlaposVenv;
import org.slapdesk.testlab.TestHost;
import org.slapdesk.testlab.TestLab;

/**
 * A real testlab host (its own network namespace and sshd) for the Nodes page tests, with an
 * EMPTY known_hosts of the test's own so the first connection must ask about the host key.
 */
final class NodeTestHost implements AutoCloseable {

    final TestLab lab;
    final TestHost host;
    final Path knownHosts;

    NodeTestHost(Path dir) throws Exception {
        lab = TestLab.open();
        host = lab.startHost();
        knownHosts = dir.resolve("known_hosts");
        Files.deleteIfExists(knownHosts);
    }

    KnownNodeRecord record() {
        return new KnownNodeRecord(
                host.address(), host.port(), "root", Optional.of(host.clientKey()), Optional.empty(), Optional.empty());
    }

    NodeEnvironment environment() {
        return new NodeEnvironment(
                knownHosts,
                Path.of(System.getProperty("user.home")),
                ConnectOptions.defaults().withoutAgent());
    }

    /** The SHA256 fingerprint of the host's key, computed here from its public key (as ssh-keygen -l does). */
    String fingerprint() throws Exception {
        byte[] blob = Base64.getDecoder().decode(host.hostPublicKey().split(" ")[1]);
        return "SHA256:"
                + Base64.getEncoder()
                        .withoutPadding()
                        .encodeToString(MessageDigest.getInstance("SHA-256").digest(blob));
    }

    /** slapos.cfg with {@code partitions} partitions, and nothing else of slapos. */
    void slaposConfig(int partitions) {
        host.sh("mkdir -p /etc/opt/slapos /srv/slapgrid /opt/slapgrid /opt/slapos/log");
        host.writeFile(
                "/etc/opt/slapos/slapos.cfg",
                "[slapos]\nmaster_url = http://127.0.0.1:1/\ncomputer_id = COMP-TEST\n"
                        + "software_root = /opt/slapgrid\ninstance_root = /srv/slapgrid\n\n[slapformat]\npartition_amount = "
                        + partitions + "\n");
    }

    /**
     * A real instance supervisord (slapos' own configuration code and templates) with a
     * running watched process, an idle one and one that exits; returns the slapos command.
     */
    String instanceSupervisord() {
        SlaposVenv venv = SlaposVenv.require();
        slaposConfig(1);
        host.sh("mkdir -p /srv/slapgrid/slappart0");
        host.writeFile(
                "/tmp/partition.py",
                """
                import logging, pkg_resources
                from slapos.grid.svcbackend import createSupervisordConfiguration
                createSupervisordConfiguration('/srv/slapgrid', logging.getLogger())
                group = pkg_resources.resource_string('slapos.grid', 'templates/group_partition_supervisord.conf.in').decode()
                program = pkg_resources.resource_string('slapos.grid', 'templates/program_partition_supervisord.conf.in').decode()
                programs = {'sleeper': ('sleeper-on-watch', 'sleep 1000'), 'idle': ('idle', 'sleep 1000')}
                text = group % {'instance_id': 'slappart0', 'program_list': ','.join('slappart0_' + p for p in programs)}
                for pid, (name, command) in programs.items():
                    text += program % {'program_id': 'slappart0_' + pid, 'program_directory': '/srv/slapgrid/slappart0',
                        'program_command': command, 'program_name': name, 'user_id': 0, 'group_id': 0,
                        'instance_path': '/srv/slapgrid/slappart0', 'USER': 'root', 'HOME': '/root'}
                open('/srv/slapgrid/etc/supervisord.conf.d/slappart0.conf', 'w').write(text)
                """);
        host.sh(venv.python() + " /tmp/partition.py");
        String slapos = venv.slapos().toString();
        host.sh(slapos + " node start --cfg /etc/opt/slapos/slapos.cfg slappart0:sleeper-on-watch");
        return slapos;
    }

    /** The pid of a supervised process, read on the host itself. */
    long pidOf(String slapos, String process) {
        return pidOf(slapos, process, "/etc/opt/slapos/slapos.cfg");
    }

    long pidOf(String slapos, String process, String config) {
        String line = host.sh(slapos + " node status --cfg " + config + " " + process + " || true");
        Matcher m = Pattern.compile("pid (\\d+)").matcher(line);
        if (!m.find()) {
            throw new IllegalStateException(process + " has no pid: " + line);
        }
        return Long.parseLong(m.group(1));
    }

    @Override
    public void close() {
        lab.close();
    }
}
