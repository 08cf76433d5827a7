package org.slapdesk.gui.dashboard;

import atlantafx.base.controls.Card;
import atlantafx.base.theme.Styles;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.slapdesk.core.health.Health;
import org.slapdesk.gui.health.HealthViews;
import org.slapdesk.gui.page.PageView;

/** Dashboard: counts of servers and services per health colour. */
public final class DashboardView implements PageView {

    private final VBox root = new VBox(16);

    public DashboardView(DashboardViewModel model) {
        root.getStyleClass().addAll("page", "dashboard");
        root.setId("dashboard-page");
        root.getChildren().addAll(card("Servers", model::servers), card("Services", model::services));
    }

    private Node card(String title, Function<Health.Level, ReadOnlyIntegerProperty> counts) {
        HBox tiles = new HBox(12);
        for (Health.Level level : Health.Level.values()) {
            Label count = new Label();
            count.getStyleClass().addAll(Styles.TITLE_1, "dashboard-count");
            count.setId(title.toLowerCase(Locale.ROOT) + "-" + level.name().toLowerCase(Locale.ROOT));
            count.textProperty().bind(counts.apply(level).asString());
            Label name = new Label(label(level), HealthViews.dot(new Health(level, "")));
            name.getStyleClass().add(Styles.TEXT_MUTED);
            VBox tile = new VBox(4, count, name);
            tile.setAlignment(Pos.CENTER);
            tile.getStyleClass().addAll("dashboard-tile", HealthViews.styleClass(new Health(level, "")));
            tiles.getChildren().add(tile);
        }
        Card card = new Card();
        Label header = new Label(title);
        header.getStyleClass().add(Styles.TITLE_3);
        card.setHeader(header);
        card.setBody(tiles);
        card.setMaxWidth(720);
        return card;
    }

    private static String label(Health.Level level) {
        return switch (level) {
            case GREEN -> "ok";
            case YELLOW -> "late";
            case RED -> "problem";
            case GREY -> "no data / stopped";
        };
    }

    @Override
    public Node node() {
        return root;
    }
}
