package org.slapdesk.gui.nodes;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.gui.nodes.action.NodeHandle;
import org.slapdesk.gui.task.TaskService;
import org.slapdesk.remote.action.slapos.NodeLogs;
import org.slapdesk.remote.ssh.OutputListener;

/** A log of the connected node followed live (the last lines kept) until stopped. FX thread. */
public final class NodeLogModel {

    private static final int LINES_KEPT = 5000;
    private static final Duration FOLLOW_LIMIT = Duration.ofHours(12);

    private final TaskService tasks;
    private final Supplier<Optional<NodeHandle>> connectedNode;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final BooleanProperty following = new SimpleBooleanProperty();
    private CancellationToken follow;

    /** @param connectedNode the selected connected node, or empty after telling the user to connect */
    NodeLogModel(TaskService tasks, Supplier<Optional<NodeHandle>> connectedNode) {
        this.tasks = tasks;
        this.connectedNode = connectedNode;
    }

    public ObservableList<String> lines() {
        return lines;
    }

    public ReadOnlyBooleanProperty followingProperty() {
        return following;
    }

    /** Follows a log ({@code software}, {@code instance} or an absolute path) until {@link #stop()}. */
    public void follow(String which, int lastLines) {
        Optional<NodeHandle> h = connectedNode.get();
        if (h.isEmpty()) {
            return;
        }
        stop();
        String path =
                switch (which) {
                    case "software" -> NodeLogs.SOFTWARE_LOG;
                    case "instance" -> NodeLogs.INSTANCE_LOG;
                    default -> which;
                };
        CancellationToken cancel = new CancellationToken();
        follow = cancel;
        lines.clear();
        following.set(true);
        OutputListener toLines = new OutputListener() {
            @Override
            public void stdout(String line) {
                tasks.onFxThread(() -> add(line, cancel));
            }

            @Override
            public void stderr(String line) {
                tasks.onFxThread(() -> add(line, cancel));
            }
        };
        tasks.task("Follow " + path + " on " + h.get().label(), c -> {
                    NodeLogs.follow(h.get().connection(), path, lastLines, FOLLOW_LIMIT, toLines, cancel);
                    return path;
                })
                .onDone(() -> {
                    if (follow == cancel) {
                        following.set(false);
                        follow = null;
                    }
                })
                .start();
    }

    private void add(String line, CancellationToken of) {
        if (of.isCancelled()) {
            return;
        }
        lines.add(line);
        if (lines.size() > LINES_KEPT) {
            lines.remove(0, lines.size() - LINES_KEPT);
        }
    }

    public void stop() {
        if (follow != null) {
            follow.cancel();
            follow = null;
        }
        following.set(false);
    }

    /** Stops following and forgets the lines (another node was selected). */
    void clear() {
        stop();
        lines.clear();
    }
}
