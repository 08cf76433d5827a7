package org.slapdesk.remote.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.testing.OnTestHost;

class RemoteFileTest extends OnTestHost {

    @Test
    void anEditIsAtomicKeepsModeAndOwnerAndLeavesADatedBackup() throws Exception {
        host.sh(
                "mkdir -p /etc/rf1 && printf 'a = 1\\nb = 2\\n' > /etc/rf1/x.cfg && chown 1234:2345 /etc/rf1/x.cfg && chmod 640 /etc/rf1/x.cfg");
        RemoteFile files = new RemoteFile(node);
        FileChange change = files.plan("/etc/rf1/x.cfg", t -> t.replace("b = 2", "b = 3"));
        assertThat(change.diff()).contains("-b = 2\n+b = 3\n");
        Optional<String> backup = files.apply(change);

        assertThat(host.sh("cat /etc/rf1/x.cfg")).isEqualTo("a = 1\nb = 3\n");
        assertThat(host.sh("stat -c '%a %u %g' /etc/rf1/x.cfg")).isEqualTo("640 1234 2345\n");
        assertThat(backup).get().asString().matches("/etc/rf1/x\\.cfg\\.slapdesk-\\d{8}-\\d{6}");
        assertThat(host.sh("cat " + backup.get())).isEqualTo("a = 1\nb = 2\n");
        assertThat(host.sh("ls -A /etc/rf1")).doesNotContain("slapdesk-new");

        // the same edit again changes nothing and makes no backup
        FileChange again = files.plan("/etc/rf1/x.cfg", t -> t.replace("b = 2", "b = 3"));
        assertThat(again.isNoOp()).isTrue();
        assertThat(again.diff()).isEmpty();
        assertThat(files.apply(again)).isEmpty();
        assertThat(host.sh("ls /etc/rf1 | wc -l").trim()).isEqualTo("2");
    }

    @Test
    void aFileChangedSincePlanningIsNotOverwritten() throws Exception {
        host.sh("mkdir -p /etc/rf2 && echo one > /etc/rf2/f");
        RemoteFile files = new RemoteFile(node);
        FileChange change = files.plan("/etc/rf2/f", t -> "two\n");
        host.sh("echo someone-else > /etc/rf2/f");
        assertThatThrownBy(() -> files.apply(change))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("changed since");
        assertThat(host.sh("cat /etc/rf2/f")).isEqualTo("someone-else\n");
    }

    @Test
    void restorePutsBackTheOldTextAndRemovesTheBackupAndNewFiles() throws Exception {
        host.sh("mkdir -p /etc/rf3 && echo old > /etc/rf3/f && chmod 600 /etc/rf3/f");
        String before = snapshot("/etc/rf3");
        RemoteFile files = new RemoteFile(node);
        FileChange edit = files.plan("/etc/rf3/f", t -> "new\n");
        FileChange created = files.planContent("/etc/rf3/g", "fresh\n", "644");
        assertThat(created.diff()).startsWith("--- /dev/null\n+++ /etc/rf3/g\n");
        Optional<String> backup = files.apply(edit);
        Optional<String> none = files.apply(created);
        assertThat(none).isEmpty();
        assertThat(host.sh("cat /etc/rf3/g")).isEqualTo("fresh\n");
        files.restore(created, none);
        files.restore(edit, backup);
        assertThat(snapshot("/etc/rf3")).isEqualTo(before);
    }

    @Test
    void undoingANewFileAlsoRemovesTheFoldersItsWriteCreated() throws Exception {
        host.sh("mkdir -p /etc/rf5");
        String before = snapshot("/etc/rf5");
        RemoteFile files = new RemoteFile(node);
        FileChange deep = files.planContent("/etc/rf5/a/b/c.conf", "x\n", "644");
        assertThat(deep.before().missingFolder()).contains("/etc/rf5/a");
        files.apply(deep);
        assertThat(host.sh("cat /etc/rf5/a/b/c.conf")).isEqualTo("x\n");
        files.restore(deep, Optional.empty());
        assertThat(snapshot("/etc/rf5")).isEqualTo(before);
        assertThat(files.read("/etc/rf5/new.conf").missingFolder()).isEmpty();
    }

    @Test
    void textWithAnyCharactersSurvivesTheRoundTrip() throws Exception {
        String tricky = "quote ' \" $(x) `y` \\ é€ \t tab\r\nno newline at end";
        RemoteFile files = new RemoteFile(node);
        files.apply(files.planContent("/etc/rf4.txt", tricky, "600"));
        assertThat(files.read("/etc/rf4.txt").text()).isEqualTo(tricky);
        assertThat(host.sh("stat -c %a /etc/rf4.txt")).isEqualTo("600\n");
    }

    @Test
    void aDirectoryIsNotTreatedAsAFile() {
        assertThatThrownBy(() -> new RemoteFile(node).read("/etc"))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("not a regular file");
    }
}
