package org.slapdesk.gui.dashboard;

import atlantafx.base.controls.Card;
import atlantafx.base.theme.Styles;
import java.util.EnumMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.slapdesk.gui.page.PageView;

/**
 * Dashboard: a card of health tiles for each kind of object, "what is wrong now", the history
 * chart and the strip of the selected object. The page grows with the window (1280×720 to 4K).
 */
public final class DashboardView implements PageView {

    private final VBox root = new VBox(14);
    private final Map<ObjectKind, HealthTiles> tiles = new EnumMap<>(ObjectKind.class);

    public DashboardView(DashboardViewModel model) {
        root.getStyleClass().addAll("page", "dashboard");
        root.setId("dashboard-page");
        root.setMinSize(0, 0);
        GridPane cards = new GridPane();
        cards.setHgap(14);
        for (ObjectKind kind : ObjectKind.values()) {
            HealthTiles card = new HealthTiles(kind, model::open);
            tiles.put(kind, card);
            card.node().setMaxWidth(Double.MAX_VALUE);
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / ObjectKind.values().length);
            cards.getColumnConstraints().add(column);
            cards.add(card.node(), kind.ordinal(), 0);
        }
        WrongNowTable wrong = new WrongNowTable(
                () -> model.figuresAtProperty().get() == null
                        ? model.clock().instant()
                        : model.figuresAtProperty().get(),
                model::open);
        Card wrongCard = new Card();
        Label wrongHeader = new Label("What is wrong now");
        wrongHeader.getStyleClass().add(Styles.TITLE_4);
        wrongCard.setHeader(wrongHeader);
        wrongCard.setBody(wrong.node());
        wrongCard.getStyleClass().add("dashboard-card");
        VBox.setVgrow(wrongCard, Priority.ALWAYS);
        wrong.node().setMinHeight(120);
        root.getChildren().addAll(cards, wrongCard);
        model.figuresProperty().addListener((o, was, now) -> show(now, wrong));
        show(model.figuresProperty().get(), wrong);
    }

    private void show(DashboardFigures figures, WrongNowTable wrong) {
        tiles.forEach((kind, card) -> card.show(figures.counts(kind)));
        wrong.node().getItems().setAll(figures.wrong());
    }

    @Override
    public Node node() {
        return root;
    }
}
