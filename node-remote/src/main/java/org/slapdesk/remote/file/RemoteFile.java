package org.slapdesk.remote.file;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.remote.ssh.CommandResult;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.OutputListener;
import org.slapdesk.remote.ssh.Shell;

/**
 * Reads and edits files on a node. A write goes to a file beside the target (same folder,
 * so same file system), gets the original's mode and owner, is fsynced, then renamed over the
 * target: a reader sees the old or the new file, never half of one. Before the first change a
 * dated backup ({@code FILE.slapdesk-YYYYmmdd-HHMMSS}) is kept beside it. Writing what is
 * already there does nothing at all (no write, no backup).
 */
public final class RemoteFile {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String MISSING = "missing";

    private final NodeConnection node;

    public RemoteFile(NodeConnection node) {
        this.node = node;
    }

    /** The file as it is now on the node. */
    public FileState read(String path) throws NodeException {
        RemotePaths.requireAbsolute(path);
        String p = Shell.quote(path);
        CommandResult result = node.run("if [ -f " + p + " ]; then stat -c '%a %u %g' -- " + p
                + " && base64 -w0 -- " + p + "; elif [ -e " + p + " ]; then echo 'not a regular file' >&2; exit 3;"
                + " else echo " + MISSING + "; d=$(dirname -- " + p + "); top=;"
                + " while [ ! -d \"$d\" ]; do top=$d; d=$(dirname -- \"$d\"); done; echo \"$top\"; fi");
        if (result.exitCode() == 3) {
            throw new NodeException(path + " exists on " + node.target().display() + " but is not a regular file");
        }
        result.requireOk();
        String[] lines = result.stdout().split("\n", 2);
        if (lines[0].equals(MISSING)) {
            String top = lines.length > 1 ? lines[1].trim() : "";
            return FileState.missing(path, top.isEmpty() ? Optional.empty() : Optional.of(top));
        }
        String[] meta = lines[0].trim().split(" ");
        String body = lines.length > 1 ? lines[1].trim() : "";
        String text = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        return new FileState(path, Optional.of(text), meta[0], Integer.parseInt(meta[1]), Integer.parseInt(meta[2]));
    }

    /** Plans replacing the file's text by {@code edit(old text)} (old text "" if missing). */
    public FileChange plan(String path, UnaryOperator<String> edit) throws NodeException {
        FileState before = read(path);
        return new FileChange(
                before, Optional.of(edit.apply(before.text())), before.mode(), before.uid(), before.gid());
    }

    /** Plans the file's text to be exactly {@code content}, with a mode used only if it is new. */
    public FileChange planContent(String path, String content, String modeIfNew) throws NodeException {
        FileState before = read(path);
        String mode = before.exists() ? before.mode() : modeIfNew;
        return new FileChange(before, Optional.of(content), mode, before.uid(), before.gid());
    }

    /** Plans removing the file. */
    public FileChange planDelete(String path) throws NodeException {
        FileState before = read(path);
        return new FileChange(before, Optional.empty(), before.mode(), before.uid(), before.gid());
    }

    /**
     * Applies a planned change, refusing if the file changed since it was planned. Returns
     * the backup's path (empty if the file did not exist or nothing changed).
     */
    public Optional<String> apply(FileChange change) throws NodeException {
        FileState now = read(change.path());
        if (!now.content().equals(change.before().content())) {
            throw new NodeException(change.path() + " on " + node.target().display()
                    + " changed since the plan was made; nothing written. Plan again to see the new diff.");
        }
        if (change.isNoOp()) {
            return Optional.empty();
        }
        Optional<String> backup = Optional.empty();
        if (now.exists()) {
            backup = Optional.of(backup(change.path()));
        }
        if (change.after().isPresent()) {
            write(change.path(), change.after().get(), change.mode(), change.uid(), change.gid());
        } else {
            node.run(Shell.command("rm", "-f", "--", change.path())).requireOk();
        }
        return backup;
    }

    /** Puts the file back as it was before {@code change} and deletes the backup made for it. */
    public void restore(FileChange change, Optional<String> backup) throws NodeException {
        FileState before = change.before();
        if (before.exists()) {
            write(before.path(), before.text(), before.mode(), before.uid(), before.gid());
        } else {
            node.run(Shell.command("rm", "-f", "--", before.path())).requireOk();
            if (before.missingFolder().isPresent()) {
                // the folders the write created, deepest first, each only if still empty
                String top = before.missingFolder().get();
                node.run("d=$(dirname -- " + Shell.quote(before.path())
                                + "); while :; do rmdir -- \"$d\" 2>/dev/null || break;" + " [ \"$d\" = "
                                + Shell.quote(top) + " ] && break; d=$(dirname -- \"$d\"); done; true")
                        .requireOk();
            }
        }
        if (backup.isPresent()) {
            node.run(Shell.command("rm", "-f", "--", backup.get())).requireOk();
        }
    }

    private String backup(String path) throws NodeException {
        String p = Shell.quote(path);
        String script = "b=" + p + ".slapdesk-$(date +%Y%m%d-%H%M%S); n=$b; i=1;"
                + " while [ -e \"$n\" ]; do n=$b-$i; i=$((i+1)); done;"
                + " cp -p -- " + p + " \"$n\" && echo \"$n\"";
        return node.run(script).requireOk().stdout().trim();
    }

    private void write(String path, String content, String mode, int uid, int gid) throws NodeException {
        if (!mode.matches("[0-7]{3,4}")) {
            throw new NodeException("bad file mode '" + mode + "' for " + path);
        }
        String p = Shell.quote(path);
        String script = "set -e; d=$(dirname -- " + p + "); mkdir -p -- \"$d\";"
                + " t=$(mktemp \"$d/.slapdesk-new.XXXXXX\"); trap 'rm -f -- \"$t\"' EXIT;"
                + " cat > \"$t\"; chmod " + mode + " -- \"$t\"; chown " + uid + ":" + gid + " -- \"$t\";"
                + " sync -- \"$t\"; mv -f -- \"$t\" " + p + "; trap - EXIT; sync -- \"$d\"";
        node.exec(
                        script,
                        content.getBytes(StandardCharsets.UTF_8),
                        TIMEOUT,
                        OutputListener.NONE,
                        CancellationToken.none())
                .requireOk();
    }
}
