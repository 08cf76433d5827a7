package org.slapdesk.gui.util;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import java.util.Comparator;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** Small builders that keep the page views short. */
public final class Tables {

    /**
     * The style class on the window's root that asks for compact tables: each table then takes
     * AtlantaFX's dense style (lower rows), whichever page or tab it is on.
     */
    public static final String COMPACT = "density-compact";

    /** A table's property that keeps it dense whatever the chosen density (a page's main list of many rows). */
    private static final String ALWAYS_DENSE = "slapdesk.always-dense";

    private Tables() {}

    /** Keeps {@code table} in AtlantaFX's dense style even when the window's density is normal. */
    public static void alwaysDense(TableView<?> table) {
        table.getProperties().put(ALWAYS_DENSE, Boolean.TRUE);
        showDensity(table);
    }

    /** A column bound to a property of the row. */
    public static <T, V> TableColumn<T, V> column(String title, Function<T, ObservableValue<V>> value) {
        TableColumn<T, V> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        return column;
    }

    /** A column computed from an immutable row (records). */
    public static <T, V> TableColumn<T, V> fixed(String title, Function<T, V> value) {
        TableColumn<T, V> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    public static <T> TableView<T> table(String emptyText) {
        return table(new SimpleStringProperty(emptyText));
    }

    public static <T> TableView<T> table(ObservableValue<String> emptyText) {
        TableView<T> table = new TableView<>();
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.textProperty().bind(emptyText);
        placeholder.getStyleClass().add("placeholder-text");
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);
        followDensity(table);
        table.getColumns().addListener((ListChangeListener<TableColumn<T, ?>>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(Tables::sortByValue);
            }
        });
        return table;
    }

    /**
     * Shows {@code items} sorted by the columns the user clicked: a sorted view whose order stays
     * bound to the table's, so new and changed rows take their place in it.
     */
    public static <T> SortedList<T> sorted(TableView<T> table, ObservableList<T> items) {
        SortedList<T> sorted = items instanceof SortedList<T> already ? already : new SortedList<>(items);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        return sorted;
    }

    private static void followDensity(TableView<?> table) {
        ListChangeListener<String> rootClasses = change -> showDensity(table);
        table.sceneProperty().addListener((o, was, now) -> {
            if (was != null && was.getRoot() != null) {
                was.getRoot().getStyleClass().removeListener(rootClasses);
            }
            if (now != null && now.getRoot() != null) {
                now.getRoot().getStyleClass().addListener(rootClasses);
            }
            showDensity(table);
        });
    }

    private static void showDensity(TableView<?> table) {
        boolean compact = table.getProperties().containsKey(ALWAYS_DENSE)
                || table.getScene() != null
                        && table.getScene().getRoot() != null
                        && table.getScene().getRoot().getStyleClass().contains(COMPACT);
        if (compact && !table.getStyleClass().contains(Styles.DENSE)) {
            table.getStyleClass().add(Styles.DENSE);
        } else if (!compact) {
            table.getStyleClass().remove(Styles.DENSE);
        }
    }

    /** Health by severity, numbers as numbers, times as times, texts with their numbers in order. */
    @SuppressWarnings("unchecked")
    private static <V> void sortByValue(TableColumn<?, V> column) {
        if (column.getComparator() == TableColumn.DEFAULT_COMPARATOR) {
            column.setComparator((Comparator<V>) (Comparator<?>) ColumnOrder.VALUES);
        }
    }

    /** Selects the first row whenever rows arrive and none is selected, so the detail pane is never blank for nothing. */
    public static <T> void selectFirstWhenFilled(TableView<T> table) {
        table.getItems().addListener((ListChangeListener<T>) change -> {
            if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                Platform.runLater(() -> {
                    if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                        table.getSelectionModel().selectFirst();
                    }
                });
            }
        });
    }

    /** The filter box every list has (Ctrl+F focuses it). */
    public static CustomTextField filterBox(StringProperty filter, String prompt) {
        CustomTextField box = new CustomTextField();
        box.setLeft(new FontIcon(Material2MZ.SEARCH));
        box.setPromptText(prompt);
        box.setPrefColumnCount(24);
        box.textProperty().bindBidirectional(filter);
        box.getStyleClass().add("filter-box");
        return box;
    }
}
