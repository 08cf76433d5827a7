package org.slapdesk.gui.nodes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slapdesk.core.store.KnownNodeRecord;

/**
 * The Import… dialog's content: a hosts file, the user and key for its lines that give none,
 * and the preview of what would be added (nodes already known are left alone, unreadable lines
 * are named). FX thread; the file is small and read as it is typed.
 */
public final class NodeImportModel {

    private final List<KnownNodeRecord> known;
    private final Path home;
    private final StringProperty file = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("root");
    private final StringProperty key = new SimpleStringProperty("");
    private final ObservableList<KnownNodeRecord> toAdd = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");

    NodeImportModel(List<KnownNodeRecord> known, Path home) {
        this.known = List.copyOf(known);
        this.home = home;
        file.addListener((o, was, now) -> preview());
        user.addListener((o, was, now) -> preview());
        key.addListener((o, was, now) -> preview());
        preview();
    }

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
        if (file.get().isBlank()) {
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
            found = NodeImportSource.hostsFile(expand(file.get()), user.get().strip(), keyFile)
                    .read();
        } catch (IOException | RuntimeException e) {
            summary.set("Cannot read " + file.get().strip() + ": " + e.getMessage());
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
            text.append("; not read: ").append(String.join("; ", found.problems()));
        }
        summary.set(text.toString());
    }

    private static boolean same(KnownNodeRecord a, KnownNodeRecord b) {
        return a.host().equals(b.host()) && a.port() == b.port() && a.user().equals(b.user());
    }
}
