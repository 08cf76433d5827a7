package org.slapdesk.gui.nodes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slapdesk.core.store.KnownNodeRecord;
import org.slapdesk.gui.nodes.action.NodeHandle;
import org.slapdesk.gui.nodes.fleet.FleetNode;
import org.slapdesk.gui.notify.Notification;
import org.slapdesk.gui.task.TaskItem;
import org.slapdesk.gui.task.TaskService;
import org.slapdesk.remote.action.bridge.Reconnect;
import org.slapdesk.remote.action.slapos.ComputerId;
import org.slapdesk.remote.action.slapos.SlaposNode;
import org.slapdesk.remote.ssh.ConnectOptions;
import org.slapdesk.remote.ssh.HostKeyPrompt;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.PassphrasePrompt;
import org.slapdesk.remote.ssh.SshTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connecting to a node over SSH: trust on first use and key passphrases asked through
 * {@link NodePrompts}, cancel, disconnect, and the connected selected node as a
 * {@link NodeHandle}. The network calls run as tasks; this class is used on the FX thread.
 */
public final class NodeConnectionModel {

    private static final Logger LOG = LoggerFactory.getLogger(NodeConnectionModel.class);
    private static final Duration RECONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final TaskService tasks;
    private final NodeInventory inventory;
    private final NodeEnvironment environment;
    private final NodeResults results;
    private final ReadOnlyObjectProperty<NodeRow> selected;
    private final ObjectProperty<TaskItem> connecting = new SimpleObjectProperty<>();
    private final List<Consumer<NodeRow>> onDisconnect = new ArrayList<>();
    private NodePrompts prompts = NodePrompts.REFUSE;
    private NodeRow connectingRow;

    NodeConnectionModel(
            TaskService tasks,
            NodeInventory inventory,
            NodeEnvironment environment,
            NodeResults results,
            ReadOnlyObjectProperty<NodeRow> selected) {
        this.tasks = tasks;
        this.inventory = inventory;
        this.environment = environment;
        this.results = results;
        this.selected = selected;
    }

    /** The connection attempt under way (for its progress and Cancel), or null. */
    public ObjectProperty<TaskItem> connectingProperty() {
        return connecting;
    }

    /** Who answers the host key and passphrase questions (the view's dialogs). */
    public void prompts(NodePrompts answer) {
        this.prompts = answer;
    }

    /** Runs when a row is disconnected, before its connection closes. */
    void onDisconnect(Consumer<NodeRow> action) {
        onDisconnect.add(action);
    }

    SshTarget target(KnownNodeRecord r) {
        SshTarget target =
                new SshTarget(r.host(), r.port(), r.user(), r.keyPath(), environment.knownHosts(), Optional.empty());
        if (r.jumpHost().isPresent()) {
            target = target.via(
                    HostSpec.parse(r.jumpHost().get(), r.user()).target(r.keyPath(), environment.knownHosts()));
        }
        return target;
    }

    /** The options of a connection: unknown keys and passphrases are asked on the FX thread, the worker waits. */
    ConnectOptions options(SshTarget node, AtomicReference<String> trusted) {
        HostKeyPrompt hostKeys = key -> {
            Boolean trust = ask(() -> prompts.trustHostKey(key));
            if (Boolean.TRUE.equals(trust)) {
                // a jump host's key is trusted too, but only the node's own is recorded as the node's
                if (key.host().equals(node.host()) && key.port() == node.port()) {
                    trusted.set(key.sha256Fingerprint());
                }
                return true;
            }
            return false;
        };
        PassphrasePrompt passphrases = file -> ask(() -> prompts.passphrase(file));
        return environment.options().withHostKeyPrompt(hostKeys).withPassphrasePrompt(passphrases);
    }

    private <T> T ask(Supplier<T> question) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        tasks.onFxThread(() -> {
            try {
                answer.complete(question.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    /**
     * Connects off the FX thread; the row shows CONNECTING, then CONNECTED or the reason it
     * failed. Cancel frees the row at once; a connection that still opens afterwards is closed.
     */
    public void connect(NodeRow row) {
        if (row.linkProperty().get() != NodeRow.Link.OFFLINE || connecting.get() != null) {
            return;
        }
        KnownNodeRecord record = row.record();
        AtomicReference<String> trusted = new AtomicReference<>();
        AtomicReference<NodeConnection> opened = new AtomicReference<>();
        Object attempt = new Object();
        row.attempt(attempt);
        row.linkProperty().set(NodeRow.Link.CONNECTING);
        results.show(row, "connecting…");
        AtomicReference<TaskItem> self = new AtomicReference<>();
        TaskItem item = tasks.task("Connect to " + record.label(), c -> {
                    c.message("connecting to " + record.label());
                    SshTarget target = target(record);
                    opened.set(NodeConnection.open(target, options(target, trusted)));
                    c.checkCancelled();
                    KnownNodeRecord updated = record;
                    if (trusted.get() != null) {
                        updated = record.withHostKeyFingerprint(trusted.get());
                        inventory.save(updated);
                    }
                    return withComputerId(updated, opened.get());
                })
                .onSuccess(updated -> {
                    if (row.attempt() != attempt) {
                        closeLater(opened.get());
                        return;
                    }
                    row.connection(opened.get());
                    row.recordProperty().set(updated);
                    row.linkProperty().set(NodeRow.Link.CONNECTED);
                    results.record(row, "connected");
                })
                .onFailure(e -> {
                    if (row.attempt() == attempt) {
                        row.linkProperty().set(NodeRow.Link.OFFLINE);
                        results.record(row, "connection failed: " + e.getMessage());
                    }
                })
                .onCancelled(() -> {
                    closeLater(opened.get());
                    if (row.attempt() == attempt) {
                        row.linkProperty().set(NodeRow.Link.OFFLINE);
                        results.record(row, "connection cancelled");
                    }
                })
                .onDone(() -> {
                    if (connecting.get() != null && connecting.get() == self.get()) {
                        connecting.set(null);
                        connectingRow = null;
                    }
                })
                .start();
        self.set(item);
        if (!item.state().finished()) {
            connecting.set(item);
            connectingRow = row;
        }
    }

    /** The record with the computer_id its slapos.cfg names now, stored when it changed; unchanged when it cannot be read. */
    private KnownNodeRecord withComputerId(KnownNodeRecord record, NodeConnection connection) {
        try {
            Optional<String> id = ComputerId.read(connection, record.slaposConfig());
            if (!id.equals(record.computerId())) {
                inventory.recordComputerId(record, id);
            }
            return record.withComputerId(id);
        } catch (NodeException | RuntimeException e) {
            LOG.debug("cannot read the computer_id of {}: {}", record.label(), e.getMessage());
            return record;
        }
    }

    private void closeLater(NodeConnection connection) {
        if (connection != null) {
            tasks.task("Close an abandoned connection", ctx -> {
                        connection.close();
                        return connection;
                    })
                    .quiet()
                    .start();
        }
    }

    /** Stops connecting: the row is free at once, even while the network call still waits for its timeout. */
    public void cancelConnect() {
        TaskItem item = connecting.get();
        if (item == null) {
            return;
        }
        item.cancel();
        NodeRow row = connectingRow;
        if (row != null) {
            row.attempt(null);
            row.linkProperty().set(NodeRow.Link.OFFLINE);
            results.record(row, "connection cancelled");
        }
        connecting.set(null);
        connectingRow = null;
    }

    public void disconnect(NodeRow row) {
        onDisconnect.forEach(action -> action.accept(row));
        NodeConnection c = row.takeConnection();
        if (row.linkProperty().get() == NodeRow.Link.CONNECTED) {
            row.linkProperty().set(NodeRow.Link.OFFLINE);
            results.record(row, "disconnected");
        }
        if (c != null) {
            tasks.task("Disconnect from " + row.label(), ctx -> {
                        c.close();
                        return row;
                    })
                    .quiet()
                    .start();
        }
    }

    /** The selected node when it is connected: what the wizard, the status and the logs work on. */
    public Optional<NodeHandle> handle() {
        NodeRow row = selected.get();
        if (row == null) {
            return Optional.empty();
        }
        Optional<NodeConnection> connection = row.connection();
        if (connection.isEmpty()) {
            if (row.linkProperty().get() == NodeRow.Link.CONNECTED) {
                row.takeConnection();
                row.linkProperty().set(NodeRow.Link.OFFLINE);
                results.record(row, "the connection was lost: connect again");
            }
            return Optional.empty();
        }
        SshTarget target = target(row.record());
        Reconnect reconnect = Reconnect.to(target, options(target, new AtomicReference<>()), RECONNECT_TIMEOUT);
        return Optional.of(new NodeHandle(row.label(), connection.get(), reconnect, text -> results.record(row, text)));
    }

    /**
     * The row as a node of a fleet run: the run lends the row's open connection, or opens one
     * of its own (host keys and passphrases asked like Connect asks them) and closes it after.
     */
    FleetNode fleetNode(NodeRow row, SlaposNode slapos) {
        KnownNodeRecord record = row.record();
        FleetNode.Connector connector = () -> {
            SshTarget target = target(record);
            AtomicReference<String> trusted = new AtomicReference<>();
            ConnectOptions options = options(target, trusted);
            Reconnect reconnect = Reconnect.to(target, options, RECONNECT_TIMEOUT);
            Optional<NodeConnection> open = row.connection();
            if (open.isPresent()) {
                return new FleetNode.Lease(open.get(), reconnect, false);
            }
            NodeConnection opened = NodeConnection.open(target, options);
            if (trusted.get() != null) {
                KnownNodeRecord updated = record.withHostKeyFingerprint(trusted.get());
                inventory.save(updated);
                tasks.onFxThread(() -> {
                    if (row.sameNode(updated)) {
                        row.recordProperty().set(updated);
                    }
                });
            }
            return new FleetNode.Lease(opened, reconnect, true);
        };
        return new FleetNode(row.displayName(), row.label(), slapos, connector, text -> results.record(row, text));
    }

    /** {@link #handle()}, with a notice to the user when no connected node is selected. */
    Optional<NodeHandle> requireHandle() {
        Optional<NodeHandle> h = handle();
        if (h.isEmpty()) {
            tasks.notifications()
                    .post(Notification.Level.WARNING, "Not connected", "Select a node and press Connect first.", "");
        }
        return h;
    }

    /** Closes every connection of these rows on a thread of its own (the window may be closing). */
    void closeAll(List<NodeRow> rows) {
        List<NodeConnection> open = rows.stream()
                .map(NodeRow::takeConnection)
                .filter(Objects::nonNull)
                .toList();
        if (!open.isEmpty()) {
            Thread closer = new Thread(() -> open.forEach(NodeConnection::close), "slapdesk-close-nodes");
            closer.setDaemon(true);
            closer.start();
        }
    }
}
