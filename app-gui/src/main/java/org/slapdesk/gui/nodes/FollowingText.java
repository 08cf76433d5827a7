package org.slapdesk.gui.nodes;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TextArea;

/** Shows a growing list of lines in a text area that stays at the end as lines arrive. */
final class FollowingText {

    private FollowingText() {}

    static void follow(TextArea area, ObservableList<String> lines) {
        lines.addListener((ListChangeListener<String>) c -> {
            boolean onlyAdded = true;
            StringBuilder added = new StringBuilder();
            while (c.next()) {
                if (c.wasRemoved() || !c.wasAdded()) {
                    onlyAdded = false;
                } else {
                    c.getAddedSubList().forEach(l -> added.append(l).append('\n'));
                }
            }
            if (onlyAdded) {
                area.appendText(added.toString());
            } else {
                area.setText(lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
                area.positionCaret(area.getLength());
            }
        });
    }
}
