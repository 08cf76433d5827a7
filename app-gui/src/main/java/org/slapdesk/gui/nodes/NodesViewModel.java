package org.slapdesk.gui.nodes;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.slapdesk.gui.activity.ActivityLog;
import org.slapdesk.gui.nodes.action.ActionSpec;
import org.slapdesk.gui.nodes.action.ActionWizardModel;
import org.slapdesk.gui.nodes.action.RegisterMaster;
import org.slapdesk.gui.nodes.fleet.FleetNode;
import org.slapdesk.gui.nodes.fleet.FleetRunModel;
import org.slapdesk.gui.notify.Notification;
import org.slapdesk.gui.task.TaskService;

/**
 * The Nodes page: it composes the node list, the SSH connection, the node's status, its log
 * and hosts the action wizard on the selected connected node, and keeps them in step (another
 * selection or a disconnect clears what belonged to the old node).
 */
public final class NodesViewModel implements AutoCloseable {

    /** The node list is the page's main list: it gets most of the height until the user moves the divider. */
    static final double DEFAULT_LIST_SHARE = 0.7;

    private final NodeEnvironment environment;
    private final NodeListModel list;
    private final NodeConnectionModel connection;
    private final NodeStatusModel status;
    private final NodeLogModel logs;
    private final ActionWizardModel wizard;
    private final FleetRunModel fleet;
    private final TaskService tasks;
    private Consumer<String> openServer = reference -> {};
    private final DoubleProperty listShare = new SimpleDoubleProperty(DEFAULT_LIST_SHARE);

    public NodesViewModel(
            TaskService tasks,
            ActivityLog activity,
            Clock clock,
            NodeInventory inventory,
            NodeEnvironment environment) {
        this.environment = environment;
        this.tasks = tasks;
        this.fleet = new FleetRunModel(tasks, activity, clock);
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

    /** Where the divider between the node list and the selected node's detail is, kept for the session. */
    public DoubleProperty listShareProperty() {
        return listShare;
    }

    public FleetRunModel fleet() {
        return fleet;
    }

    /**
     * Runs the wizard's action, as its form is filled, on every chosen node at once (up to the
     * fleet's parallel limit); false, with the reason in a notification, when it cannot start.
     */
    public boolean runOnChosen() {
        ActionSpec spec = wizard.actionProperty().get();
        if (spec == null || !wizard.problemProperty().get().isEmpty()) {
            tasks.notifications()
                    .post(
                            Notification.Level.WARNING,
                            "The action's form is not complete",
                            wizard.problemProperty().get(),
                            "");
            return false;
        }
        try {
            List<FleetNode> nodes = list.chosen().stream()
                    .map(row -> connection.fleetNode(row, NodeListModel.slapos(row)))
                    .toList();
            fleet.run(spec, wizard.values(), nodes);
            return true;
        } catch (IllegalArgumentException | IllegalStateException e) {
            tasks.notifications().error("Cannot run " + spec.label() + " on the selected nodes", e);
            return false;
        }
    }

    /** Where the register wizard's master URLs come from: the profile in use (the shell's session). */
    public void registerWith(Supplier<Optional<RegisterMaster>> master) {
        wizard.registerWith(master);
    }

    /** What opens a server of the Servers page by its reference (the shell sets it). */
    public void onOpenServer(Consumer<String> open) {
        openServer = open;
    }

    /** Opens the server the node is on the master (its computer_id), on the Servers page. */
    public void openServer(String reference) {
        openServer.accept(reference);
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
