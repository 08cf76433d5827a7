package org.slapdesk.master.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slapdesk.master.CertificateIssuer.Role;

/**
 * The CA's record of the node and user certificates it issued ({@code issued.log} beside
 * {@code ca.key}: role, name, serial per line), whoever asked: {@code serve issue-node} by hand or
 * a registration in the running master. Registration allocates references past every node name
 * in it, and revocation finds a node's serials in it. Appends hold a file lock, since the
 * commands and the server may run at once.
 */
final class IssuedLedger {

    private final Path file;

    IssuedLedger(Path caDirectory) {
        this.file = caDirectory.resolve("issued.log");
    }

    void record(Role role, String name, String serial) {
        byte[] line = (role.name() + "\t" + name + "\t" + serial + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(
                        file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                FileLock lock = channel.lock()) {
            channel.write(ByteBuffer.wrap(line));
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the issued certificate in " + file, e);
        }
    }

    List<String> serials(Role role, String name) {
        List<String> serials = new ArrayList<>();
        for (String[] entry : entries()) {
            if (entry[0].equals(role.name()) && entry[1].equals(name)) {
                serials.add(entry[2]);
            }
        }
        return serials;
    }

    Set<String> names(Role role) {
        Set<String> names = new LinkedHashSet<>();
        for (String[] entry : entries()) {
            if (entry[0].equals(role.name())) {
                names.add(entry[1]);
            }
        }
        return names;
    }

    private List<String[]> entries() {
        List<String[]> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t");
                if (fields.length == 3) {
                    entries.add(fields);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return entries;
    }
}
