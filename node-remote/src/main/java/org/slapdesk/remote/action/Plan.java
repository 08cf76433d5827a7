package org.slapdesk.remote.action;

import java.util.List;

/** What an action will do on a node, exactly: the commands it runs and the diffs of the files it edits. */
public record Plan(String title, String node, List<Step> steps, List<String> notes) {

    public Plan {
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }

    public static Plan of(String title, String node, List<Step> steps) {
        return new Plan(title, node, steps, List.of());
    }

    /** Nothing to do: the node is already as the action wants it. */
    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** The plan as text for a preview: numbered steps, each command, each diff. */
    public String preview() {
        StringBuilder out = new StringBuilder();
        out.append(title).append(" on ").append(node).append('\n');
        notes.forEach(n -> out.append("  note: ").append(n).append('\n'));
        if (steps.isEmpty()) {
            out.append("  nothing to do: the node is already in the wanted state\n");
        }
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            out.append(i + 1).append(". ").append(step.description()).append('\n');
            if (step instanceof Step.CommandStep c) {
                out.append("   $ ").append(c.mask(c.command())).append('\n');
                c.undo()
                        .ifPresent(
                                u -> out.append("   (undo: ").append(c.mask(u)).append(")\n"));
            } else if (step instanceof Step.FileStep f) {
                f.change().diff().lines().forEach(l -> out.append("   ")
                        .append(l)
                        .append('\n'));
            }
        }
        return out.toString();
    }
}
