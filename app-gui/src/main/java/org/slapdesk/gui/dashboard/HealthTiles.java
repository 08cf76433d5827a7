package org.slapdesk.gui.dashboard;

import atlantafx.base.controls.Card;
import atlantafx.base.theme.Styles;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.slapdesk.core.health.Health;
import org.slapdesk.gui.health.HealthViews;

/** One card of tiles, one per health colour, for one kind of object; a tile opens the list filtered by its colour. */
final class HealthTiles {

    private final ObjectKind kind;
    private final Card card = new Card();
    private final Map<Health.Level, Label> counts = new EnumMap<>(Health.Level.class);

    HealthTiles(ObjectKind kind, Consumer<DashboardLink> open) {
        this.kind = kind;
        GridPane tiles = new GridPane();
        tiles.setHgap(8);
        for (Health.Level level : Health.Level.values()) {
            Label count = new Label("0");
            count.getStyleClass().addAll(Styles.TITLE_1, "dashboard-count");
            count.setId(kind.singular() + "s-" + name(level));
            counts.put(level, count);
            Label label = new Label(label(level), HealthViews.dot(new Health(level, "")));
            label.getStyleClass().add(Styles.TEXT_MUTED);
            VBox content = new VBox(2, count, label);
            content.setAlignment(Pos.CENTER);
            Button tile = new Button(null, content);
            tile.setId("tile-" + kind.singular() + "-" + name(level));
            tile.getStyleClass().addAll("dashboard-tile", HealthViews.styleClass(new Health(level, "")));
            tile.setCursor(Cursor.HAND);
            tile.setMaxWidth(Double.MAX_VALUE);
            tile.setTooltip(
                    new Tooltip("Show the " + label(level) + " " + kind.title().toLowerCase(Locale.ROOT)));
            tile.setOnAction(e -> open.accept(DashboardLink.tile(kind, level)));
            tile.setMinWidth(0);
            GridPane.setHgrow(tile, Priority.ALWAYS);
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(25);
            tiles.getColumnConstraints().add(column);
            tiles.add(tile, level.ordinal(), 0);
        }
        Label header = new Label(kind.title());
        header.getStyleClass().add(Styles.TITLE_4);
        card.setHeader(header);
        card.setBody(tiles);
        card.getStyleClass().add("dashboard-card");
        card.setMinWidth(0);
    }

    Card node() {
        return card;
    }

    void show(HealthCounts fresh) {
        counts.forEach((level, label) -> label.setText(String.valueOf(fresh.count(level))));
    }

    static String name(Health.Level level) {
        return level.name().toLowerCase(Locale.ROOT);
    }

    static String label(Health.Level level) {
        return switch (level) {
            case GREEN -> "ok";
            case YELLOW -> "late";
            case RED -> "error";
            case GREY -> "no data";
        };
    }
}
