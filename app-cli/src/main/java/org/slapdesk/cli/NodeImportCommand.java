package org.slapdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slapdesk.core.store.AppStore;
import org.slapdesk.core.store.KnownNodeDao;
import org.slapdesk.core.store.KnownNodeRecord;
import org.slapdesk.core.store.StoreException;
import org.slapdesk.remote.inventory.HostsFile;
import org.slapdesk.remote.inventory.ImportedNode;
import org.slapdesk.remote.inventory.SshConfig;
import org.slapdesk.remote.ssh.SshAddress;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slapdesk node import --ssh-config [FILE] | --hosts-file FILE [--add]}: the nodes the
 * operator already lists, shown as the window would keep them; {@code --add} adds the new ones
 * to the application's known nodes (the Nodes page lists them).
 */
@Command(
        name = "import",
        description = {
            "Lists the nodes of ~/.ssh/config (or another ssh config) or of a hosts file as Slapdesk would keep"
                    + " them; with --add, adds the new ones to the known nodes of the window.",
        })
final class NodeImportCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(
                names = "--ssh-config",
                arity = "0..1",
                fallbackValue = "",
                paramLabel = "FILE",
                description = "an OpenSSH client config (default: ~/.ssh/config); Include is followed, Match skipped")
        String sshConfig;

        @Option(
                names = "--hosts-file",
                paramLabel = "FILE",
                description = "one [user@]host[:port] per line, # comments")
        Path hostsFile;
    }

    @Option(
            names = "--user",
            defaultValue = "root",
            description = "the SSH user of the nodes that name none (default: ${DEFAULT-VALUE})")
    String user;

    @Option(names = "--key", paramLabel = "FILE", description = "with --hosts-file: the key file for every node")
    Path key;

    @Option(names = "--add", description = "add the nodes not known yet (without it, only list them)")
    boolean add;

    @Option(
            names = "--store",
            paramLabel = "FILE",
            description =
                    "the Slapdesk database holding the known nodes (default: ~/.local/share/slapdesk/slapdesk.db)")
    Path store;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ImportedNode> nodes;
        List<String> notes = new ArrayList<>();
        try {
            nodes = read(notes);
        } catch (IOException | IllegalArgumentException e) {
            err.println("slapdesk node import: " + e.getMessage());
            return 2;
        }
        try (AppStore app = store == null ? AppStore.openDefault() : AppStore.open(store)) {
            KnownNodeDao known = app.knownNodes();
            int added = 0;
            int fresh = 0;
            for (ImportedNode node : nodes) {
                KnownNodeRecord record = node.record(user);
                boolean isKnown =
                        known.find(record.host(), record.port(), record.user()).isPresent();
                String state = isKnown ? "known  " : add ? "added  " : "new    ";
                out.println(state + node.describe(user));
                if (!isKnown) {
                    fresh++;
                    if (add) {
                        known.save(record);
                        added++;
                    }
                }
            }
            notes.forEach(n -> out.println("note: " + n));
            if (add) {
                out.println(added + " node(s) added to " + app.file());
            } else {
                out.println(
                        fresh == 0 ? "nothing new to add" : fresh + " new node(s): run again with --add to add them");
            }
            return 0;
        } catch (StoreException e) {
            err.println("slapdesk node import: " + e.getMessage());
            return 1;
        }
    }

    private List<ImportedNode> read(List<String> notes) throws IOException {
        SshAddress.checkUser(user);
        Path home = Path.of(System.getProperty("user.home"));
        if (source.hostsFile != null) {
            return HostsFile.nodes(Files.readAllLines(source.hostsFile), source.hostsFile.toString()).stream()
                    .map(n -> new ImportedNode(n.name(), n.address(), Optional.ofNullable(key), n.jump()))
                    .toList();
        }
        if (key != null) {
            throw new IllegalArgumentException("--key goes with --hosts-file: an ssh config names its own keys");
        }
        Path file = source.sshConfig.isEmpty() ? home.resolve(".ssh").resolve("config") : Path.of(source.sshConfig);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("there is no ssh config " + file);
        }
        SshConfig.Result result = SshConfig.read(file, home);
        notes.addAll(result.notes());
        return result.nodes();
    }
}
