package org.slapdesk.gui.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.store.KnownNodeRecord;

class NodeFormTest {

    private static final Path HOME = Path.of("/home/alice");

    @Test
    void aGoodFormGivesTheRecordWithTheKeyUnderHome() {
        NodeForm form = NodeForm.blank(HOME);
        form.hostProperty().set("node1.example.org");
        form.portProperty().set("2222");
        form.userProperty().set("slapos");
        form.keyFileProperty().set("~/.ssh/id_ed25519");
        form.jumpProperty().set("admin@[fd00::1]:22");
        assertThat(form.problemProperty().get()).isEmpty();
        assertThat(form.validProperty().get()).isTrue();
        KnownNodeRecord r = form.toRecord();
        assertThat(r.label()).isEqualTo("slapos@node1.example.org:2222");
        assertThat(r.keyPath()).contains(Path.of("/home/alice/.ssh/id_ed25519"));
        assertThat(r.jumpHost()).contains("admin@[fd00::1]:22");
        assertThat(NodeRow.sudoText(r)).isEqualTo("yes");
    }

    @Test
    void anEmptyFormNamesTheHostFirst() {
        NodeForm form = NodeForm.blank(HOME);
        assertThat(form.problemProperty().get()).startsWith("Host: ''");
        assertThat(form.validProperty().get()).isFalse();
    }

    @Test
    void eachBadFieldIsNamedWithWhatIsWrong() {
        NodeForm form = NodeForm.blank(HOME);
        form.hostProperty().set("node 1");
        assertThat(form.problemProperty().get())
                .isEqualTo(
                        "Host: 'node 1' is not a host name or address (e.g. node1.example.org, 192.0.2.10 or fd00::2)");
        form.hostProperty().set("fd00::zz");
        assertThat(form.problemProperty().get()).startsWith("Host: 'fd00::zz'");
        form.hostProperty().set("[fd00::2]");
        assertThat(form.problemProperty().get()).isEmpty();
        assertThat(form.toRecord().host()).isEqualTo("fd00::2");

        form.portProperty().set("70000");
        assertThat(form.problemProperty().get()).isEqualTo("Port: port 70000 is outside 1-65535");
        form.portProperty().set("ssh");
        assertThat(form.problemProperty().get()).isEqualTo("Port: 'ssh' is not a port number (1-65535)");
        form.portProperty().set("22");

        form.userProperty().set("root;reboot");
        assertThat(form.problemProperty().get()).startsWith("User: 'root;reboot' is not a user name");
        form.userProperty().set("root");

        form.keyFileProperty().set("id_rsa");
        assertThat(form.problemProperty().get()).startsWith("Key file: 'id_rsa' is not an absolute path");
        form.keyFileProperty().set("/root/../etc/key");
        assertThat(form.problemProperty().get())
                .startsWith("Key file: the path '/root/../etc/key' contains a '.' or '..'");
        form.keyFileProperty().set("");

        form.jumpProperty().set("bastion:port");
        assertThat(form.problemProperty().get()).startsWith("Jump host: 'port' is not a port number");
        form.jumpProperty().set("[fd00::1");
        assertThat(form.problemProperty().get()).startsWith("Jump host: '[fd00::1': a [ without ]");
        form.jumpProperty().set("bastion.example.org");
        assertThat(form.problemProperty().get()).isEmpty();
    }

    @Test
    void editingKeepsTheTrustedFingerprintOnlyForTheSameNode() {
        KnownNodeRecord known =
                new KnownNodeRecord("node1", 22, "root", Optional.empty(), Optional.empty(), Optional.of("SHA256:abc"));
        NodeForm form = NodeForm.editing(known, HOME);
        assertThat(form.hostProperty().get()).isEqualTo("node1");
        form.keyFileProperty().set("/root/.ssh/id_rsa");
        assertThat(form.toRecord().hostKeyFingerprint()).contains("SHA256:abc");
        form.hostProperty().set("node2");
        assertThat(form.toRecord().hostKeyFingerprint()).isEmpty();
        assertThat(form.original()).contains(known);
    }

    @Test
    void nameSlaposCommandAndConfigAreKeptPerNode() {
        NodeForm form = NodeForm.blank(HOME);
        form.hostProperty().set("node1.example.org");
        assertThat(form.toRecord().slaposCommand()).isEqualTo("slapos");
        assertThat(form.toRecord().slaposConfig()).isEqualTo("/etc/opt/slapos/slapos.cfg");
        assertThat(form.toRecord().displayName()).isEqualTo("root@node1.example.org:22");
        form.nameProperty().set("  COMP-0 paris ");
        form.slaposCommandProperty().set("/opt/slapos/venv/bin/slapos");
        form.slaposConfigProperty().set("/srv/slapos/slapos.cfg");
        KnownNodeRecord r = form.toRecord();
        assertThat(r.name()).isEqualTo("COMP-0 paris");
        assertThat(r.displayName()).isEqualTo("COMP-0 paris");
        assertThat(r.slaposCommand()).isEqualTo("/opt/slapos/venv/bin/slapos");
        assertThat(r.slaposConfig()).isEqualTo("/srv/slapos/slapos.cfg");
        assertThat(NodeRow.slaposText(r)).isEqualTo("/opt/slapos/venv/bin/slapos --cfg /srv/slapos/slapos.cfg");

        NodeForm editing = NodeForm.editing(
                r.withLastResult(Optional.of(new KnownNodeRecord.LastResult("ok: Format the node", Instant.EPOCH))),
                HOME);
        assertThat(editing.nameProperty().get()).isEqualTo("COMP-0 paris");
        assertThat(editing.slaposCommandProperty().get()).isEqualTo("/opt/slapos/venv/bin/slapos");
        assertThat(editing.slaposConfigProperty().get()).isEqualTo("/srv/slapos/slapos.cfg");
        assertThat(editing.toRecord().lastResult())
                .map(KnownNodeRecord.LastResult::text)
                .contains("ok: Format the node");
        assertThat(new NodeRow(editing.toRecord()).lastResultProperty().get()).isEqualTo("ok: Format the node");
    }

    @Test
    void badSlaposSettingsAreNamedWithWhatIsWrong() {
        NodeForm form = NodeForm.blank(HOME);
        form.hostProperty().set("node1");
        form.slaposCommandProperty().set("slapos; reboot");
        assertThat(form.problemProperty().get())
                .startsWith("slapos command: 'slapos; reboot' is not a command")
                .contains("e.g. slapos")
                .contains("/opt/slapos/bin/slapos");
        form.slaposCommandProperty().set("/opt/my slapos/bin/slapos");
        assertThat(form.problemProperty().get())
                .startsWith("slapos command: '/opt/my slapos/bin/slapos' is not a command");
        form.slaposCommandProperty().set("/opt/../bin/slapos");
        assertThat(form.problemProperty().get())
                .startsWith("slapos command: the path '/opt/../bin/slapos' contains a '.'");
        form.slaposCommandProperty().set("$(id)");
        assertThat(form.validProperty().get()).isFalse();
        form.slaposCommandProperty().set("slapos-1.24");
        assertThat(form.problemProperty().get()).isEmpty();

        form.slaposConfigProperty().set("slapos.cfg");
        assertThat(form.problemProperty().get())
                .isEqualTo("slapos.cfg: 'slapos.cfg' is not an absolute path (it must"
                        + " start with /) (e.g. /etc/opt/slapos/slapos.cfg)");
        form.slaposConfigProperty().set("/etc/opt/slapos/slapos.cfg");
        assertThat(form.problemProperty().get()).isEmpty();

        form.nameProperty().set("COMP-0\nparis");
        assertThat(form.problemProperty().get()).startsWith("Name: at most 100 characters on one line");
        form.nameProperty().set("x".repeat(101));
        assertThat(form.problemProperty().get()).startsWith("Name: ");
        form.nameProperty().set("");
        assertThat(form.validProperty().get()).isTrue();
    }

    @Test
    void jumpHostsParseLikeTheCommandLine() {
        assertThat(HostSpec.parse("bastion", "root")).isEqualTo(new HostSpec("root", "bastion", 22));
        assertThat(HostSpec.parse("admin@bastion:2200", "root")).isEqualTo(new HostSpec("admin", "bastion", 2200));
        assertThat(HostSpec.parse("[fd00::1]:2200", "root")).isEqualTo(new HostSpec("root", "fd00::1", 2200));
        assertThat(HostSpec.parse("fd00::1", "root")).isEqualTo(new HostSpec("root", "fd00::1", 22));
    }
}
