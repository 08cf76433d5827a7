package org.slapdesk.gui.util;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A list above and the detail of its selection below (a title and tabs), in a vertical split. */
public final class MasterDetail {

    private MasterDetail() {}

    /** The split, set to grow in its VBox; {@code title} names what is selected. */
    public static SplitPane of(Region list, ObservableValue<String> title, Tab... tabs) {
        Label detailTitle = new Label();
        detailTitle.getStyleClass().add(Styles.TITLE_4);
        detailTitle.textProperty().bind(title);
        TabPane tabPane = new TabPane(tabs);
        tabPane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox detail = new VBox(6, detailTitle, tabPane);
        detail.getStyleClass().add("detail-pane");
        VBox.setVgrow(tabPane, Priority.ALWAYS);
        // small minimums, so a banner above never pushes the status bar out of the window
        list.setMinHeight(80);
        detail.setMinHeight(80);
        tabPane.setMinHeight(40);
        SplitPane split = new SplitPane(list, detail);
        split.setMinHeight(0);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        VBox.setVgrow(split, Priority.ALWAYS);
        return split;
    }
}
