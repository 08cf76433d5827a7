package org.slapdesk.gui.page;

import javafx.scene.Node;

/** A page of the window. */
public interface PageView {

    Node node();

    /** Ctrl+F: put the cursor in the page's filter box, when it has one. */
    default void focusFilter() {
        // pages without a list have no filter
    }
}
