package org.slapdesk.gui.notify;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.slapdesk.gui.util.Dialogs;
import org.slapdesk.gui.util.Times;

/**
 * The notices over the bottom right of the page: errors stay until dismissed, success notices go
 * by themselves after a few seconds; and the history window.
 */
public final class NotificationsView {

    private static final int SHOWN = 4;
    private static final Duration FADES_AFTER = Duration.seconds(5);

    private final NotificationCenter center;
    private final VBox stack = new VBox(8);

    public NotificationsView(NotificationCenter center) {
        this.center = center;
        stack.setId("notifications");
        stack.setPickOnBounds(false);
        stack.setMaxWidth(440);
        stack.setMaxHeight(Region.USE_PREF_SIZE);
        stack.setPadding(new Insets(12));
        stack.setAlignment(Pos.BOTTOM_RIGHT);
        center.active().addListener((ListChangeListener<Notification>) c -> {
            while (c.next()) {
                c.getAddedSubList().stream().filter(Notification::fades).forEach(this::fadeLater);
            }
            rebuild();
        });
        rebuild();
    }

    public Node node() {
        return stack;
    }

    private void fadeLater(Notification notification) {
        PauseTransition wait = new PauseTransition(FADES_AFTER);
        wait.setOnFinished(e -> center.dismiss(notification));
        wait.play();
    }

    private void rebuild() {
        stack.getChildren().clear();
        int shown = 0;
        for (Notification n : center.active()) {
            if (shown++ == SHOWN) {
                Button more = new Button((center.active().size() - SHOWN) + " more — show all");
                more.setOnAction(e -> showHistory(stack));
                Button dismissAll = new Button("Dismiss all");
                dismissAll.setOnAction(e -> center.dismissAll());
                stack.getChildren().add(new HBox(8, more, dismissAll));
                break;
            }
            stack.getChildren().add(card(n));
        }
    }

    private Node card(Notification n) {
        var card = new atlantafx.base.controls.Notification(); // two Notifications: name clash
        card.setGraphic(new FontIcon(icon(n.level())));
        card.setMessage(n.title() + "\n" + n.message());
        card.getStyleClass().addAll(Styles.ELEVATED_2, style(n.level()), "slapdesk-notification");
        card.setPrefWidth(420);
        card.setMaxWidth(420);
        card.setOnClose(e -> center.dismiss(n));
        if (n.hasDetails()) {
            Button details = new Button("Details");
            details.getStyleClass().add(Styles.SMALL);
            details.setOnAction(e -> showDetails(n));
            card.setPrimaryActions(details);
        }
        return card;
    }

    private void showDetails(Notification n) {
        List<String> causes = n.causes().isEmpty() ? List.of(n.message()) : n.causes();
        Dialogs.error(stack, "Details", n.title(), causes, n.details());
    }

    private static Ikon icon(Notification.Level level) {
        return switch (level) {
            case ERROR -> Material2AL.ERROR_OUTLINE;
            case WARNING -> Material2MZ.WARNING;
            case SUCCESS -> Material2AL.CHECK_CIRCLE;
            case INFO -> Material2AL.INFO;
        };
    }

    private static String style(Notification.Level level) {
        return switch (level) {
            case ERROR -> Styles.DANGER;
            case WARNING -> Styles.WARNING;
            case SUCCESS -> Styles.SUCCESS;
            case INFO -> Styles.ACCENT;
        };
    }

    /** Every notification of this run, newest first, with the details of the selected one. */
    public void showHistory(Node owner) {
        ListView<Notification> list = new ListView<>(center.history());
        list.setId("notification-history");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Notification n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : Times.clock(n.at()) + "  " + n.title() + " — " + n.message());
                setGraphic(empty || n == null ? null : new FontIcon(icon(n.level())));
            }
        });
        TextArea details = new TextArea();
        details.setEditable(false);
        details.getStyleClass().add("monospace");
        list.getSelectionModel()
                .selectedItemProperty()
                .addListener((o, was, now) -> details.setText(
                        now == null
                                ? ""
                                : now.title() + "\n" + now.message()
                                        + (now.hasDetails() ? "\n\n" + now.details() : "")));
        SplitPane split = new SplitPane(list, details);
        split.setOrientation(Orientation.VERTICAL);
        Label empty = new Label("No notification yet.");
        list.setPlaceholder(empty);
        Stage stage = new Stage();
        stage.setTitle("Notification history");
        Dialogs.owner(owner).ifPresent(stage::initOwner);
        stage.initModality(Modality.NONE);
        Scene scene = new Scene(split, 760, 480);
        if (owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
    }
}
