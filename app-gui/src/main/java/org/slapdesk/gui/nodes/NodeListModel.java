package org.slapdesk.gui.nodes;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slapdesk.core.store.KnownNodeRecord;
import org.slapdesk.gui.task.TaskService;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.slapos.SlaposNode;

/** The known nodes (kept by {@link NodeInventory}) and the selected one: add, edit, remove. FX thread. */
public final class NodeListModel {

    private final TaskService tasks;
    private final NodeInventory inventory;
    private final ObservableList<NodeRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<NodeRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<NodeRow> chosen = FXCollections.observableArrayList();
    private final List<Consumer<NodeRow>> beforeForget = new ArrayList<>();
    private final ObservableList<NodeRow> rowsAndRecords =
            FXCollections.observableArrayList(row -> new Observable[] {row.recordProperty()});

    NodeListModel(TaskService tasks, NodeInventory inventory) {
        this.tasks = tasks;
        this.inventory = inventory;
        Bindings.bindContent(rowsAndRecords, rows);
    }

    public ObservableList<NodeRow> rows() {
        return rows;
    }

    public ObjectProperty<NodeRow> selectedProperty() {
        return selected;
    }

    /** Every selected row (the table selects several): what a fleet run works on. */
    public ObservableList<NodeRow> chosen() {
        return chosen;
    }

    /** The groups the nodes carry, sorted, without the empty one. */
    public List<String> groups() {
        return rows.stream()
                .map(r -> r.record().tag())
                .filter(t -> !t.isEmpty())
                .distinct()
                .sorted()
                .toList();
    }

    /** The rows of a group. */
    public List<NodeRow> group(String tag) {
        return rows.stream().filter(r -> r.record().tag().equals(tag)).toList();
    }

    /**
     * Invalidated when a node is added or removed or its record changes (e.g. its computer_id is
     * read on connecting), so what {@link #onServer} answers may have changed.
     */
    public Observable serverLinks() {
        return rowsAndRecords;
    }

    /** The node whose slapos.cfg names this server reference as its computer_id. */
    public Optional<NodeRow> onServer(String reference) {
        return rows.stream()
                .filter(r -> r.record().computerId().filter(reference::equals).isPresent())
                .findFirst();
    }

    /** Runs before a row leaves the list (removed, or replaced by an edit that changed its address). */
    void beforeForget(Consumer<NodeRow> action) {
        beforeForget.add(action);
    }

    /**
     * slapos on the selected node, as its settings say ({@code slapos} and the standard
     * slapos.cfg when no node is selected); an {@link InvalidInputException} naming the node
     * when a setting stored by an older or hand-edited database is not acceptable.
     */
    public SlaposNode slapos() {
        NodeRow row = selected.get();
        return row == null ? SlaposNode.standard() : slapos(row);
    }

    /** slapos on this node, as its settings say; an {@link InvalidInputException} naming the node when they are not acceptable. */
    public static SlaposNode slapos(NodeRow row) {
        KnownNodeRecord r = row.record();
        try {
            return new SlaposNode(r.slaposCommand(), r.slaposConfig());
        } catch (InvalidInputException e) {
            throw new InvalidInputException("slapos command / slapos.cfg of " + r.displayName() + ": " + e.getMessage()
                    + " (press Edit… to correct them)");
        }
    }

    public void load() {
        tasks.task("Read the known nodes", c -> inventory.list())
                .onSuccess(this::show)
                .start();
    }

    private void show(List<KnownNodeRecord> records) {
        for (KnownNodeRecord r : records) {
            Optional<NodeRow> existing = find(r);
            if (existing.isPresent()) {
                existing.get().recordProperty().set(r);
            } else {
                rows.add(new NodeRow(r));
            }
        }
        rows.removeIf(row -> records.stream().noneMatch(row::sameNode)
                && row.connection().isEmpty()
                && row.linkProperty().get() == NodeRow.Link.OFFLINE);
    }

    private Optional<NodeRow> find(KnownNodeRecord r) {
        return rows.stream().filter(row -> row.sameNode(r)).findFirst();
    }

    /**
     * Saves the form's node (replacing the edited one); the key file must exist and be readable.
     * Bad input throws {@link InvalidInputException} before anything is written.
     */
    public void save(NodeForm form, Runnable saved) {
        KnownNodeRecord record = form.toRecord();
        Optional<KnownNodeRecord> original = form.original();
        tasks.task("Save node " + record.label(), c -> {
                    if (record.keyPath().isPresent()
                            && !Files.isReadable(record.keyPath().get())) {
                        throw new InvalidInputException(
                                "Key file: " + record.keyPath().get() + " does not exist or cannot be read");
                    }
                    original.filter(o -> !sameNode(o, record)).ifPresent(inventory::delete);
                    inventory.save(record);
                    return record;
                })
                .onSuccess(r -> {
                    Optional<NodeRow> replaced = original.flatMap(this::find);
                    if (replaced.isPresent() && !sameNode(replaced.get().record(), r)) {
                        forget(replaced.get());
                        rows.remove(replaced.get());
                    }
                    Optional<NodeRow> row = find(r);
                    if (row.isPresent()) {
                        row.get().recordProperty().set(r);
                    } else {
                        NodeRow added = new NodeRow(r);
                        rows.add(added);
                        row = Optional.of(added);
                    }
                    selected.set(row.get());
                    saved.run();
                })
                .start();
    }

    /** Adds imported nodes (none of them known yet) and shows them. */
    public void addAll(List<KnownNodeRecord> nodes) {
        List<KnownNodeRecord> copy = List.copyOf(nodes);
        tasks.task("Import " + copy.size() + " nodes", c -> {
                    copy.forEach(inventory::save);
                    return inventory.list();
                })
                .onSuccess(this::show)
                .start();
    }

    public void remove(NodeRow row) {
        forget(row);
        KnownNodeRecord record = row.record();
        tasks.task("Remove node " + record.label(), c -> {
                    inventory.delete(record);
                    return record;
                })
                .onSuccess(r -> {
                    rows.remove(row);
                    if (selected.get() == row) {
                        selected.set(null);
                    }
                })
                .start();
    }

    private void forget(NodeRow row) {
        beforeForget.forEach(action -> action.accept(row));
    }

    private static boolean sameNode(KnownNodeRecord a, KnownNodeRecord b) {
        return a.host().equals(b.host()) && a.port() == b.port() && a.user().equals(b.user());
    }
}
