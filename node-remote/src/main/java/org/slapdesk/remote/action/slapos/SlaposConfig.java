package org.slapdesk.remote.action.slapos;

import java.util.function.Consumer;
import org.slapdesk.core.config.IniFile;
import org.slapdesk.core.config.IniFormatException;
import org.slapdesk.remote.action.Validate;
import org.slapdesk.remote.file.FileChange;
import org.slapdesk.remote.file.FileState;
import org.slapdesk.remote.file.RemoteFile;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;

/** A node's slapos.cfg, read and edited with {@link IniFile} (comments, order and unknown keys kept). */
public final class SlaposConfig {

    public static final String DEFAULT_PATH = "/etc/opt/slapos/slapos.cfg";
    public static final String SLAPOS = "slapos";
    public static final String SLAPFORMAT = "slapformat";

    private SlaposConfig() {}

    /** The node's slapos.cfg; a missing file means the node is not registered yet. */
    public static IniFile read(NodeConnection node, String path) throws NodeException {
        FileState state = new RemoteFile(node).read(Validate.absolutePath(path));
        if (!state.exists()) {
            throw missing(node, path);
        }
        return parse(node, path, state.text());
    }

    /** Plans an edit of slapos.cfg; the change is a no-op when the edit changes nothing. */
    public static FileChange planEdit(NodeConnection node, String path, Consumer<IniFile> edit) throws NodeException {
        RemoteFile files = new RemoteFile(node);
        FileState state = files.read(Validate.absolutePath(path));
        if (!state.exists()) {
            throw missing(node, path);
        }
        IniFile ini = parse(node, path, state.text());
        edit.accept(ini);
        String after = ini.render();
        return files.plan(path, old -> after);
    }

    private static IniFile parse(NodeConnection node, String path, String text) throws NodeException {
        try {
            return IniFile.parse(text, node.target().display() + ":" + path);
        } catch (IniFormatException e) {
            throw new NodeException(e.getMessage(), e);
        }
    }

    private static NodeException missing(NodeConnection node, String path) {
        return new NodeException(path + " does not exist on " + node.target().display()
                + ": register the node first (slapdesk node register), or give the right --config path.");
    }
}
