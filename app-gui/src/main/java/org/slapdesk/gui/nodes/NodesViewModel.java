package org.slapdesk.gui.nodes;

import java.time.Clock;
import org.slapdesk.gui.activity.ActivityLog;
import org.slapdesk.gui.nodes.action.ActionWizardModel;
import org.slapdesk.gui.task.TaskService;

/**
 * The Nodes page: it composes the node list, the SSH connection, the node's status, its log
 * and hosts the action wizard on the selected connected node, and keeps them in step (another
 * selection or a disconnect clears what belonged to the old node).
 */
public final class NodesViewModel implements AutoCloseable {

    private final NodeEnvironment environment;
    private final NodeListModel list;
    private final NodeConnectionModel connection;
    private final NodeStatusModel status;
    private final NodeLogModel logs;
    private final ActionWizardModel wizard;

    public NodesViewModel(
            TaskService tasks,
            ActivityLog activity,
            Clock clock,
            NodeInventory inventory,
            NodeEnvironment environment) {
        this.environment = environment;
        this.list = new NodeListModel(tasks, inventory);
        this.connection = new NodeConnectionModel(
                tasks, inventory, environment, new NodeResults(tasks, inventory, clock), list.selectedProperty());
        this.status = new NodeStatusModel(tasks, activity, connection::requireHandle, list::slapos);
        this.logs = new NodeLogModel(tasks, connection::requireHandle);
        this.wizard = new ActionWizardModel(tasks, activity, clock, connection::handle, list::slapos);
        list.beforeForget(connection::disconnect);
        connection.onDisconnect(row -> {
            if (row == list.selectedProperty().get()) {
                logs.stop();
                status.clear();
            }
        });
        list.selectedProperty().addListener((o, was, now) -> {
            logs.clear();
            status.clear();
            wizard.back();
        });
    }

    public NodeListModel list() {
        return list;
    }

    public NodeConnectionModel connection() {
        return connection;
    }

    public NodeStatusModel status() {
        return status;
    }

    public NodeLogModel logs() {
        return logs;
    }

    public ActionWizardModel wizard() {
        return wizard;
    }

    public NodeEnvironment environment() {
        return environment;
    }

    /** Stops following and closes every connection. */
    @Override
    public void close() {
        logs.stop();
        connection.closeAll(list.rows());
    }
}
