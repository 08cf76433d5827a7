package org.slapdesk.gui.dashboard;

import atlantafx.base.controls.Card;
import atlantafx.base.theme.Styles;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.slapdesk.gui.page.PageView;

/**
 * Dashboard: a card of health tiles for each kind of object; below, "what is wrong now" beside
 * the history chart (a kind and a range to choose) and the strip of the selected wrong object.
 * The page grows with the window, from 1280×720 to 4K.
 */
public final class DashboardView implements PageView {

    private final DashboardViewModel model;
    private final VBox root = new VBox(14);
    private final Map<ObjectKind, HealthTiles> tiles = new EnumMap<>(ObjectKind.class);
    private final WrongNowTable wrong;
    private final HistoryChart chart = new HistoryChart();
    private final HealthStrip strip = new HealthStrip();

    public DashboardView(DashboardViewModel model) {
        this.model = model;
        root.getStyleClass().addAll("page", "dashboard");
        root.setId("dashboard-page");
        root.setMinSize(0, 0);
        GridPane cards = new GridPane();
        cards.setHgap(14);
        for (ObjectKind kind : ObjectKind.values()) {
            HealthTiles card = new HealthTiles(kind, model::open);
            tiles.put(kind, card);
            card.node().setMaxWidth(Double.MAX_VALUE);
            cards.getColumnConstraints().add(percent(100.0 / ObjectKind.values().length));
            cards.add(card.node(), kind.ordinal(), 0);
        }
        wrong = new WrongNowTable(
                () -> model.figuresAtProperty().get() == null
                        ? model.clock().instant()
                        : model.figuresAtProperty().get(),
                model::open);
        wrong.node().setMinHeight(120);
        wrong.node().getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.selectedProperty()
                .set(now));
        GridPane lower = new GridPane();
        lower.setHgap(14);
        lower.getColumnConstraints().addAll(percent(56), percent(44));
        RowConstraints growing = new RowConstraints();
        growing.setVgrow(Priority.ALWAYS);
        lower.getRowConstraints().add(growing);
        lower.add(card("What is wrong now", wrong.node()), 0, 0);
        lower.add(card("History", historyBody()), 1, 0);
        VBox.setVgrow(lower, Priority.ALWAYS);
        root.getChildren().addAll(cards, lower);

        model.figuresProperty().addListener((o, was, now) -> show(now));
        show(model.figuresProperty().get());
        model.history().addListener((ListChangeListener<Object>) c -> showHistory());
        model.strip().addListener((ListChangeListener<Object>) c -> showStrip());
    }

    private Node historyBody() {
        ComboBox<ObjectKind> kind = new ComboBox<>();
        kind.setId("history-kind");
        kind.getItems().setAll(ObjectKind.values());
        kind.valueProperty().bindBidirectional(model.chartKindProperty());
        HBox ranges = new HBox(4);
        ToggleGroup group = new ToggleGroup();
        for (HistoryRange range : HistoryRange.values()) {
            ToggleButton button = new ToggleButton(range.title());
            button.setId("history-" + range.name().toLowerCase(Locale.ROOT));
            button.setToggleGroup(group);
            button.setSelected(model.rangeProperty().get() == range);
            button.setOnAction(e -> {
                button.setSelected(true);
                model.rangeProperty().set(range);
            });
            ranges.getChildren().add(button);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox selectors = new HBox(8, kind, gap, ranges);
        selectors.setAlignment(Pos.CENTER_LEFT);

        Label note = new Label();
        note.getStyleClass().add("placeholder-text");
        note.setWrapText(true);
        note.textProperty().bind(model.historyNoteProperty());
        note.visibleProperty().bind(model.historyNoteProperty().isNotEmpty());
        StackPane chartArea = new StackPane(chart.node(), note);
        VBox.setVgrow(chartArea, Priority.ALWAYS);

        Label stripTitle = new Label();
        stripTitle.setId("strip-title");
        stripTitle.getStyleClass().add(Styles.TEXT_MUTED);
        stripTitle
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.selectedProperty().get() == null
                                ? "Select a row of \"what is wrong now\" to see its colours over the range"
                                : model.selectedProperty().get().title() + ": "
                                        + model.rangeProperty().get().title().toLowerCase(Locale.ROOT),
                        model.selectedProperty(),
                        model.rangeProperty()));
        return new VBox(8, selectors, chartArea, stripTitle, strip.node());
    }

    private static Card card(String title, Node body) {
        Card card = new Card();
        Label header = new Label(title);
        header.getStyleClass().add(Styles.TITLE_4);
        card.setHeader(header);
        card.setBody(body);
        card.getStyleClass().add("dashboard-card");
        card.setMinSize(0, 0);
        card.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        return card;
    }

    private static ColumnConstraints percent(double value) {
        ColumnConstraints column = new ColumnConstraints();
        column.setPercentWidth(value);
        return column;
    }

    private void show(DashboardFigures figures) {
        tiles.forEach((kind, card) -> card.show(figures.counts(kind)));
        WrongRow chosen = model.selectedProperty().get();
        wrong.node().getItems().setAll(figures.wrong());
        if (chosen != null) {
            figures.wrong().stream()
                    .filter(row -> row.object().equals(chosen.object()))
                    .findFirst()
                    .ifPresent(row -> wrong.node().getSelectionModel().select(row));
        }
    }

    private void showStrip() {
        var range = model.rangeProperty().get().until(model.clock());
        strip.show(model.strip(), range.from(), range.to());
    }

    private void showHistory() {
        var range = model.rangeProperty().get().until(model.clock());
        chart.show(model.history(), range.from(), range.to());
    }

    @Override
    public Node node() {
        return root;
    }
}
