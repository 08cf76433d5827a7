package org.slapdesk.gui.nodes;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.core.store.KnownNodeRecord;
import org.slapdesk.gui.activity.ActivityLog;
import org.slapdesk.gui.nodes.action.ActionWizardModel;
import org.slapdesk.gui.nodes.action.NodeHandle;
import org.slapdesk.gui.notify.Notification;
import org.slapdesk.gui.task.TaskItem;
import org.slapdesk.gui.task.TaskService;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.PlanRunner;
import org.slapdesk.remote.action.ProgressListener;
import org.slapdesk.remote.action.bridge.Reconnect;
import org.slapdesk.remote.action.slapos.NodeLogs;
import org.slapdesk.remote.action.slapos.ProcessStatus;
import org.slapdesk.remote.action.slapos.RestartProcessAction;
import org.slapdesk.remote.action.slapos.SlaposNode;
import org.slapdesk.remote.ssh.ConnectOptions;
import org.slapdesk.remote.ssh.HostKeyPrompt;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.OutputListener;
import org.slapdesk.remote.ssh.PassphrasePrompt;
import org.slapdesk.remote.ssh.SshTarget;

/**
 * The Nodes page: the known nodes (kept by {@link NodeInventory}), connecting to one over SSH
 * (trust on first use through {@link NodePrompts}), its {@code slapos node status} with
 * restart, its logs followed live, and the action wizard. Every SSH or disk call runs as a
 * task off the FX thread; this class is used on the FX thread.
 */
public final class NodesViewModel implements AutoCloseable {

    private static final int LOG_LINES_KEPT = 5000;
    private static final Duration LOG_FOLLOW_LIMIT = Duration.ofHours(12);
    private static final Duration RECONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final TaskService tasks;
    private final ActivityLog activity;
    private final NodeInventory inventory;
    private final NodeEnvironment environment;
    private final Clock clock;
    private final ObservableList<NodeRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<NodeRow> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<TaskItem> connecting = new SimpleObjectProperty<>();
    private final ObservableList<ProcessStatus> processes = FXCollections.observableArrayList();
    private final BooleanProperty statusLoading = new SimpleBooleanProperty();
    private final ObservableList<String> logLines = FXCollections.observableArrayList();
    private final BooleanProperty following = new SimpleBooleanProperty();
    private final ActionWizardModel wizard;
    private NodePrompts prompts = NodePrompts.REFUSE;
    private CancellationToken logFollow;
    private NodeRow connectingRow;

    public NodesViewModel(
            TaskService tasks,
            ActivityLog activity,
            Clock clock,
            NodeInventory inventory,
            NodeEnvironment environment) {
        this.tasks = tasks;
        this.activity = activity;
        this.inventory = inventory;
        this.environment = environment;
        this.clock = clock;
        this.wizard = new ActionWizardModel(tasks, activity, clock, this::handle, this::slapos);
        selected.addListener((o, was, now) -> {
            stopLog();
            processes.clear();
            logLines.clear();
            wizard.back();
        });
    }

    public ObservableList<NodeRow> rows() {
        return rows;
    }

    public ObjectProperty<NodeRow> selectedProperty() {
        return selected;
    }
    /** The connection attempt under way (for its progress and Cancel), or null. */
    public ObjectProperty<TaskItem> connectingProperty() {
        return connecting;
    }

    public ObservableList<ProcessStatus> processes() {
        return processes;
    }

    public ReadOnlyBooleanProperty statusLoadingProperty() {
        return statusLoading;
    }

    public ObservableList<String> logLines() {
        return logLines;
    }

    public ReadOnlyBooleanProperty followingProperty() {
        return following;
    }

    public ActionWizardModel wizard() {
        return wizard;
    }

    public NodeEnvironment environment() {
        return environment;
    }

    /** Who answers the host key and passphrase questions (the view's dialogs). */
    public void prompts(NodePrompts answer) {
        this.prompts = answer;
    }

    /**
     * slapos on the selected node, as its settings say ({@code slapos} and the standard
     * slapos.cfg when no node is selected); an {@link InvalidInputException} naming the node
     * when a setting stored by an older or hand-edited database is not acceptable.
     */
    public SlaposNode slapos() {
        NodeRow row = selected.get();
        if (row == null) {
            return SlaposNode.standard();
        }
        KnownNodeRecord r = row.record();
        try {
            return new SlaposNode(r.slaposCommand(), r.slaposConfig());
        } catch (InvalidInputException e) {
            throw new InvalidInputException("slapos command / slapos.cfg of " + r.displayName() + ": " + e.getMessage()
                    + " (press Edit… to correct them)");
        }
    }

    /**
     * Shows what working on a node ended with, stamped now, and stores it off the FX thread so
     * the page shows it again after a restart.
     */
    void result(NodeRow row, String text) {
        // the store keeps milliseconds: the page shows the same time before and after a restart
        KnownNodeRecord.LastResult result =
                new KnownNodeRecord.LastResult(text, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        row.lastResultProperty().set(text);
        row.lastResultAtProperty().set(result.at());
        KnownNodeRecord node = row.record();
        tasks.task("Record the last result on " + node.label(), c -> {
                    inventory.recordLastResult(node, result);
                    return result;
                })
                .quiet()
                .start();
    }

    /** A state that lasts only while something runs (connecting…): shown, not stored. */
    private void transientResult(NodeRow row, String text) {
        row.lastResultProperty().set(text);
        row.lastResultAtProperty().set(clock.instant());
    }

    // ------------------------------------------------------------------ inventory

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
                        disconnect(replaced.get());
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

    public void remove(NodeRow row) {
        disconnect(row);
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

    private static boolean sameNode(KnownNodeRecord a, KnownNodeRecord b) {
        return a.host().equals(b.host()) && a.port() == b.port() && a.user().equals(b.user());
    }

    // ------------------------------------------------------------------ connection

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
        transientResult(row, "connecting…");
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
                    return updated;
                })
                .onSuccess(updated -> {
                    if (row.attempt() != attempt) {
                        closeLater(opened.get());
                        return;
                    }
                    row.connection(opened.get());
                    row.recordProperty().set(updated);
                    row.linkProperty().set(NodeRow.Link.CONNECTED);
                    result(row, "connected");
                })
                .onFailure(e -> {
                    if (row.attempt() == attempt) {
                        row.linkProperty().set(NodeRow.Link.OFFLINE);
                        result(row, "connection failed: " + e.getMessage());
                    }
                })
                .onCancelled(() -> {
                    closeLater(opened.get());
                    if (row.attempt() == attempt) {
                        row.linkProperty().set(NodeRow.Link.OFFLINE);
                        result(row, "connection cancelled");
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
            result(row, "connection cancelled");
        }
        connecting.set(null);
        connectingRow = null;
    }

    public void disconnect(NodeRow row) {
        if (row == selected.get()) {
            stopLog();
            processes.clear();
        }
        NodeConnection c = row.takeConnection();
        if (row.linkProperty().get() == NodeRow.Link.CONNECTED) {
            row.linkProperty().set(NodeRow.Link.OFFLINE);
            result(row, "disconnected");
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

    /** The selected node when it is connected: what the wizard works on. */
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
                result(row, "the connection was lost: connect again");
            }
            return Optional.empty();
        }
        SshTarget target = target(row.record());
        Reconnect reconnect = Reconnect.to(target, options(target, new AtomicReference<>()), RECONNECT_TIMEOUT);
        return Optional.of(new NodeHandle(row.label(), connection.get(), reconnect, text -> result(row, text)));
    }

    private Optional<NodeHandle> requireHandle() {
        Optional<NodeHandle> h = handle();
        if (h.isEmpty()) {
            tasks.notifications()
                    .post(Notification.Level.WARNING, "Not connected", "Select a node and press Connect first.", "");
        }
        return h;
    }

    // ------------------------------------------------------------------ status, restart, logs

    private Optional<SlaposNode> checkedSlapos() {
        try {
            return Optional.of(slapos());
        } catch (InvalidInputException e) {
            tasks.notifications().error("Where is slapos on the node?", e);
            return Optional.empty();
        }
    }

    public void refreshStatus() {
        Optional<NodeHandle> h = requireHandle();
        if (h.isEmpty() || statusLoading.get()) {
            return;
        }
        Optional<SlaposNode> slaposNode = checkedSlapos();
        if (slaposNode.isEmpty()) {
            return;
        }
        SlaposNode node = slaposNode.get();
        statusLoading.set(true);
        tasks.task(
                        "slapos node status on " + h.get().label(),
                        c -> node.status(h.get().connection()))
                .onSuccess(processes::setAll)
                .onDone(() -> statusLoading.set(false))
                .start();
    }

    /** Restarts one process (planned, applied, verified like any action), then reads the status again. */
    public void restart(ProcessStatus process) {
        Optional<NodeHandle> h = requireHandle();
        if (h.isEmpty()) {
            return;
        }
        Optional<SlaposNode> slaposNode = checkedSlapos();
        if (slaposNode.isEmpty()) {
            return;
        }
        RestartProcessAction action;
        try {
            action = new RestartProcessAction(slaposNode.get(), process.fullName());
        } catch (InvalidInputException e) {
            tasks.notifications().error("Cannot restart " + process.fullName(), e);
            return;
        }
        NodeHandle on = h.get();
        tasks.task(action.title() + " on " + on.label(), c -> {
                    Plan plan = action.plan(on.connection());
                    return new PlanRunner(on.connection())
                            .apply(action, plan, ProgressListener.NONE, CancellationToken.none());
                })
                .onSuccess(r -> {
                    activity.succeeded("node: " + action.title(), on.label(), "applied and verified");
                    on.lastResult().accept("ok: " + action.title());
                    refreshStatus();
                })
                .onFailure(e -> {
                    activity.failed("node: " + action.title(), on.label(), e);
                    on.lastResult().accept("FAILED: " + action.title());
                })
                .start();
    }

    /** Follows a log ({@code software}, {@code instance} or an absolute path) until {@link #stopLog()}. */
    public void followLog(String which, int lines) {
        Optional<NodeHandle> h = requireHandle();
        if (h.isEmpty()) {
            return;
        }
        stopLog();
        String path =
                switch (which) {
                    case "software" -> NodeLogs.SOFTWARE_LOG;
                    case "instance" -> NodeLogs.INSTANCE_LOG;
                    default -> which;
                };
        CancellationToken cancel = new CancellationToken();
        logFollow = cancel;
        logLines.clear();
        following.set(true);
        OutputListener toLines = new OutputListener() {
            @Override
            public void stdout(String line) {
                tasks.onFxThread(() -> logLine(line, cancel));
            }

            @Override
            public void stderr(String line) {
                tasks.onFxThread(() -> logLine(line, cancel));
            }
        };
        tasks.task("Follow " + path + " on " + h.get().label(), c -> {
                    NodeLogs.follow(h.get().connection(), path, lines, LOG_FOLLOW_LIMIT, toLines, cancel);
                    return path;
                })
                .onDone(() -> {
                    if (logFollow == cancel) {
                        following.set(false);
                        logFollow = null;
                    }
                })
                .start();
    }

    private void logLine(String line, CancellationToken of) {
        if (of.isCancelled()) {
            return;
        }
        logLines.add(line);
        if (logLines.size() > LOG_LINES_KEPT) {
            logLines.remove(0, logLines.size() - LOG_LINES_KEPT);
        }
    }

    public void stopLog() {
        if (logFollow != null) {
            logFollow.cancel();
            logFollow = null;
        }
        following.set(false);
    }

    /** Stops following and closes every connection, on a thread of its own (the window may be closing). */
    @Override
    public void close() {
        stopLog();
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
