package org.slapdesk.gui.wall;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.gui.dashboard.Ages;
import org.slapdesk.gui.dashboard.DashboardFigures;
import org.slapdesk.gui.dashboard.ObjectKind;
import org.slapdesk.gui.dashboard.WrongRow;
import org.slapdesk.gui.health.HealthViews;

/**
 * The wall: the profile, the counts per colour in large type, the worst problems, the last
 * complete refresh and a stale warning. Type scales with the window, so it reads from across a
 * room on a 4K screen and still fits 1280×720.
 */
public final class WallView {

    private static final int WRONG_ROWS = 8;

    private final WallViewModel model;
    private final BorderPane root = new BorderPane();
    private final Map<ObjectKind, Map<Health.Level, Label>> counts = new EnumMap<>(ObjectKind.class);
    private final VBox wrong = new VBox();

    public WallView(WallViewModel model) {
        this.model = model;
        root.setId("wall");
        root.getStyleClass().add("wall");
        root.styleProperty()
                .bind(Bindings.createStringBinding(
                        () -> "-fx-font-size: " + fontSize(root.getWidth(), root.getHeight()) + "px;",
                        root.widthProperty(),
                        root.heightProperty()));
        root.setTop(header());
        VBox center = new VBox(countsGrid(), wrongHeader(), wrong);
        center.getStyleClass().add("wall-center");
        root.setCenter(center);
        Label stale = new Label();
        stale.setId("wall-stale");
        stale.getStyleClass().add("wall-stale");
        stale.setMaxWidth(Double.MAX_VALUE);
        stale.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.staleProperty().get().map(w -> "⚠ " + w).orElse(""), model.staleProperty()));
        stale.visibleProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> model.staleProperty().get().isPresent(), model.staleProperty()));
        stale.managedProperty().bind(stale.visibleProperty());
        root.setBottom(stale);
        model.dashboard().figuresProperty().addListener((o, was, now) -> show(now));
        show(model.dashboard().figuresProperty().get());
    }

    public Region node() {
        return root;
    }

    /** Type size in pixels for a wall of this size: about 36 lines of text high. */
    static double fontSize(double width, double height) {
        if (width <= 0 || height <= 0) {
            return 18;
        }
        return Math.round(Math.max(14, Math.min(height / 36, width / 80)));
    }

    private Node header() {
        Circle dot = new Circle();
        dot.radiusProperty().bind(root.heightProperty().divide(80));
        dot.styleProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            MasterProfile profile =
                                    model.session().profileProperty().get();
                            return "-fx-fill: " + (profile == null ? "#8c959f" : profile.colour()) + ";";
                        },
                        model.session().profileProperty()));
        Label profile = new Label();
        profile.setId("wall-profile");
        profile.getStyleClass().add("wall-title");
        profile.setGraphic(dot);
        profile.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            MasterProfile current =
                                    model.session().profileProperty().get();
                            return current == null ? "no master" : current.name();
                        },
                        model.session().profileProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label refreshed = new Label();
        refreshed.setId("wall-last-refresh");
        refreshed.getStyleClass().add("wall-refresh");
        refreshed.textProperty().bind(model.lastRefreshProperty());
        HBox header = new HBox(profile, spacer, refreshed);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("wall-header");
        return header;
    }

    private Node countsGrid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("wall-counts");
        for (ObjectKind kind : ObjectKind.values()) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / ObjectKind.values().length);
            grid.getColumnConstraints().add(column);
            Label title = new Label(kind.title());
            title.getStyleClass().add("wall-kind");
            HBox numbers = new HBox();
            numbers.getStyleClass().add("wall-numbers");
            Map<Health.Level, Label> byLevel = new EnumMap<>(Health.Level.class);
            for (Health.Level level : Health.Level.values()) {
                Label count = new Label("0");
                count.setId("wall-" + kind.singular() + "-" + level.name().toLowerCase(Locale.ROOT));
                count.getStyleClass().addAll("wall-count", HealthViews.styleClass(new Health(level, "")));
                count.setMinWidth(Region.USE_PREF_SIZE);
                byLevel.put(level, count);
                Label name = new Label(levelName(level));
                name.getStyleClass().add("wall-count-label");
                VBox cell = new VBox(count, name);
                cell.setAlignment(Pos.CENTER);
                numbers.getChildren().add(cell);
            }
            counts.put(kind, byLevel);
            grid.add(new VBox(title, numbers), kind.ordinal(), 0);
        }
        return grid;
    }

    private static String levelName(Health.Level level) {
        return switch (level) {
            case GREEN -> "ok";
            case YELLOW -> "late";
            case RED -> "error";
            case GREY -> "no data";
        };
    }

    private static Node wrongHeader() {
        Label header = new Label("What is wrong now");
        header.getStyleClass().add("wall-kind");
        return header;
    }

    private void show(DashboardFigures figures) {
        counts.forEach((kind, byLevel) -> byLevel.forEach((level, label) ->
                label.setText(String.valueOf(figures.counts(kind).count(level)))));
        Instant now = model.dashboard().figuresAtProperty().get() == null
                ? Instant.now()
                : model.dashboard().figuresAtProperty().get();
        List<WrongRow> rows = figures.wrong();
        wrong.getChildren().clear();
        if (rows.isEmpty()) {
            Label fine = new Label("Nothing is wrong");
            fine.getStyleClass().addAll("wall-row", "wall-fine");
            wrong.getChildren().add(fine);
        }
        rows.stream().limit(WRONG_ROWS).forEach(row -> wrong.getChildren().add(row(row, now)));
        if (rows.size() > WRONG_ROWS) {
            Label more = new Label("and " + (rows.size() - WRONG_ROWS) + " more");
            more.getStyleClass().addAll("wall-row", "wall-more");
            wrong.getChildren().add(more);
        }
    }

    private Node row(WrongRow row, Instant now) {
        Circle dot = new Circle();
        dot.getStyleClass().add(HealthViews.styleClass(row.health()));
        dot.radiusProperty().bind(root.heightProperty().divide(110));
        Label title = new Label(row.title(), dot);
        title.getStyleClass().add("wall-row-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label(row.text());
        text.getStyleClass().add("wall-row-text");
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Label age = new Label(row.since().map(at -> Ages.between(at, now)).orElse(""));
        age.getStyleClass().add("wall-row-age");
        age.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(title, text, age);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("wall-row");
        return line;
    }
}
