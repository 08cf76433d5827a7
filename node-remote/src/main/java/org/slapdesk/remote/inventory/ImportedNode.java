package org.slapdesk.remote.inventory;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.slapdesk.core.store.KnownNodeRecord;
import org.slapdesk.remote.ssh.SshAddress;

/**
 * A node found in what the operator already has (an ssh config, a hosts file): its name there
 * (the {@code Host} alias; empty for a hosts file line), where it is, the key and the jump host.
 */
public record ImportedNode(String name, SshAddress address, Optional<Path> identityFile, Optional<SshAddress> jump) {

    public static final int SSH_PORT = 22;

    public ImportedNode {
        name = name == null ? "" : name;
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(identityFile, "identityFile");
        Objects.requireNonNull(jump, "jump");
    }

    /** The node as the application keeps it; {@code defaultUser} where the source names no user. */
    public KnownNodeRecord record(String defaultUser) {
        return new KnownNodeRecord(
                        address.host(),
                        address.port().orElse(SSH_PORT),
                        address.user().orElse(defaultUser),
                        identityFile,
                        jump.map(ImportedNode::text),
                        Optional.empty())
                .withName(name);
    }

    /** One line for a listing: {@code name  user@host:port  key …  via …}. */
    public String describe(String defaultUser) {
        KnownNodeRecord r = record(defaultUser);
        return (name.isEmpty() ? "" : name + "  ")
                + r.label()
                + identityFile.map(k -> "  key " + k).orElse("")
                + jump.map(j -> "  via " + text(j)).orElse("");
    }

    /** {@code [user@]host[:port]}, the way hosts files and {@code --jump} write it. */
    public static String text(SshAddress a) {
        String host = a.host().contains(":") ? "[" + a.host() + "]" : a.host();
        return a.user().map(u -> u + "@").orElse("")
                + host
                + (a.port().isPresent() ? ":" + a.port().getAsInt() : "");
    }
}
