package org.slapdesk.gui.nodes.action;

import java.util.List;
import org.slapdesk.remote.action.NodeAction;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;

/**
 * An entry of the action wizard: its form, and either how to build the {@link NodeAction}
 * (planned, previewed, applied, verified) or a read-only query whose answer is shown as text.
 */
public record ActionSpec(
        String id,
        String label,
        String description,
        List<ActionField> fields,
        Builder builder,
        Check check,
        Query query) {

    /** Builds the action from the form; bad input throws {@code InvalidInputException} with the reason. */
    @FunctionalInterface
    public interface Builder {
        NodeAction build(ActionValues values, ActionContext context);
    }

    /** Checks a query's form before it runs; bad input throws {@code InvalidInputException}. */
    @FunctionalInterface
    public interface Check {
        void check(ActionValues values);
    }

    /** Reads the node and says what it found; nothing changes. */
    @FunctionalInterface
    public interface Query {
        String run(NodeConnection node, ActionValues values, ActionContext context) throws NodeException;
    }

    public ActionSpec {
        fields = List.copyOf(fields);
        if ((builder == null) == (query == null)) {
            throw new IllegalArgumentException(id + ": an action either changes the node or reads it");
        }
    }

    public static ActionSpec change(
            String id, String label, String description, List<ActionField> fields, Builder builder) {
        return new ActionSpec(id, label, description, fields, builder, null, null);
    }

    public static ActionSpec read(
            String id, String label, String description, List<ActionField> fields, Check check, Query query) {
        return new ActionSpec(id, label, description, fields, null, check, query);
    }

    /** Checks the form: builds the action (not run), or runs the query's check. */
    public void validate(ActionValues values, ActionContext context) {
        if (builder != null) {
            builder.build(values, context);
        } else {
            check.check(values);
        }
    }

    public boolean changesTheNode() {
        return builder != null;
    }

    @Override
    public String toString() {
        return label;
    }
}
