package org.slapdesk.gui.nodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slapdesk.core.store.KnownNodeRecord;
import org.slapdesk.remote.inventory.HostsFile;
import org.slapdesk.remote.inventory.ImportedNode;
import org.slapdesk.remote.inventory.SshConfig;
import org.slapdesk.remote.ssh.SshAddress;

/**
 * Where nodes are imported from: a file the operator already has, the command line's hosts file
 * ({@link #hostsFile}) or an OpenSSH client configuration ({@link #sshConfig}).
 */
public interface NodeImportSource {

    /** What the file names: the nodes it describes and what was not imported, with the reason. */
    record Found(List<KnownNodeRecord> nodes, List<String> problems) {
        public Found {
            nodes = List.copyOf(nodes);
            problems = List.copyOf(problems);
        }
    }

    Found read() throws IOException;

    /**
     * An ssh client configuration ({@code ~/.ssh/config} when {@code file} is empty), read as ssh
     * reads it; {@code user} and {@code key} where a Host gives no User or IdentityFile.
     */
    static NodeImportSource sshConfig(Optional<Path> file, Path home, String user, Optional<Path> key) {
        return () -> {
            SshConfig.Result result = file.isPresent() ? SshConfig.read(file.get(), home) : SshConfig.readDefault(home);
            List<KnownNodeRecord> nodes = new ArrayList<>();
            for (ImportedNode node : result.nodes()) {
                nodes.add(new ImportedNode(
                                node.name(), node.address(), node.identityFile().or(() -> key), node.jump())
                        .record(user));
            }
            return new Found(nodes, result.notes());
        };
    }

    /**
     * A hosts file as {@code slapdesk node --hosts-file} reads it: one {@code [user@]host[:port]}
     * per line, # comments; the user, port and key where a line gives none.
     */
    static NodeImportSource hostsFile(Path file, String user, Optional<Path> key) {
        return () -> {
            HostsFile.Read read = HostsFile.read(Files.readAllLines(file));
            List<KnownNodeRecord> nodes = new ArrayList<>();
            for (SshAddress address : read.hosts()) {
                nodes.add(new ImportedNode("", address, key, Optional.empty()).record(user));
            }
            return new Found(nodes, read.problems());
        };
    }
}
