package org.slapdesk.gui.nodes;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slapdesk.core.store.KnownNodeRecord;

/**
 * The Import… dialog's content: where from (a hosts file or an ssh client configuration), the
 * file, the user and key for the entries that give none, and the preview of what would be added
 * (nodes already known are left alone, what is not imported is named with the reason). FX
 * thread; the file is small and read as it is typed.
 */
public final class NodeImportModel {

    /** The kinds of file nodes are imported from. */
    public enum Source {
        HOSTS_FILE("Hosts file"),
        SSH_CONFIG("ssh config");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final List<KnownNodeRecord> known;
    private final Path home;
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(Source.HOSTS_FILE);
    private final StringProperty file = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("root");
    private final StringProperty key = new SimpleStringProperty("");
    private final ObservableList<KnownNodeRecord> toAdd = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");

    NodeImportModel(List<KnownNodeRecord> known, Path home) {
        this.known = List.copyOf(known);
        this.home = home;
        source.addListener((o, was, now) -> preview());
        file.addListener((o, was, now) -> preview());
        user.addListener((o, was, now) -> preview());
        key.addListener((o, was, now) -> preview());
        preview();
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    /** The file; for an ssh config, empty means ~/.ssh/config. */
    public StringProperty fileProperty() {
        return file;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty keyProperty() {
        return key;
    }

    /** The nodes that would be added. */
    public ObservableList<KnownNodeRecord> toAdd() {
        return toAdd;
    }

    /** How many are new, already known, and the lines that cannot be read. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    private Path expand(String path) {
        String p = path.strip();
        return p.startsWith("~/") ? home.resolve(p.substring(2)) : Path.of(p);
    }

    private void preview() {
        toAdd.clear();
        boolean sshConfig = source.get() == Source.SSH_CONFIG;
        if (file.get().isBlank() && !sshConfig) {
            summary.set("Give a hosts file: one [user@]host[:port] per line, # comments.");
            return;
        }
        if (user.get().isBlank()) {
            summary.set("User: give the user for lines without one (e.g. root).");
            return;
        }
        Optional<Path> keyFile = key.get().isBlank() ? Optional.empty() : Optional.of(expand(key.get()));
        NodeImportSource.Found found;
        try {
            found = importSource(keyFile).read();
        } catch (NoSuchFileException e) {
            summary.set("There is no " + e.getFile() + (sshConfig ? ": give another ssh config file." : "."));
            return;
        } catch (IOException | RuntimeException e) {
            summary.set("Cannot read " + fileName() + ": " + e.getMessage());
            return;
        }
        List<String> alreadyKnown = new ArrayList<>();
        for (KnownNodeRecord node : found.nodes()) {
            boolean isKnown = known.stream().anyMatch(k -> same(k, node))
                    || toAdd.stream().anyMatch(k -> same(k, node));
            if (isKnown) {
                alreadyKnown.add(node.label());
            } else {
                toAdd.add(node);
            }
        }
        StringBuilder text = new StringBuilder(toAdd.size() + " to add");
        if (!alreadyKnown.isEmpty()) {
            text.append("; already known, left as they are: ").append(String.join(", ", alreadyKnown));
        }
        if (!found.problems().isEmpty()) {
            text.append(".\nNot imported:");
            found.problems().forEach(p -> text.append("\n• ").append(p));
        }
        summary.set(text.toString());
    }

    private NodeImportSource importSource(Optional<Path> keyFile) {
        String defaultUser = user.get().strip();
        if (source.get() == Source.SSH_CONFIG) {
            Optional<Path> config = file.get().isBlank() ? Optional.empty() : Optional.of(expand(file.get()));
            return NodeImportSource.sshConfig(config, home, defaultUser, keyFile);
        }
        return NodeImportSource.hostsFile(expand(file.get()), defaultUser, keyFile);
    }

    private String fileName() {
        return file.get().isBlank() ? "~/.ssh/config" : file.get().strip();
    }

    private static boolean same(KnownNodeRecord a, KnownNodeRecord b) {
        return a.host().equals(b.host()) && a.port() == b.port() && a.user().equals(b.user());
    }
}
