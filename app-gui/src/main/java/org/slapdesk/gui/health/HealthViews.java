package org.slapdesk.gui.health;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import org.slapdesk.core.health.Health;

/** The coloured dot every list uses for health, with the reason in its tooltip. */
public final class HealthViews {

    private HealthViews() {}

    public static Circle dot(Health health) {
        Circle dot = new Circle(6);
        dot.getStyleClass().addAll("health-dot", styleClass(health));
        return dot;
    }

    public static String styleClass(Health health) {
        return health == null
                ? "health-grey"
                : "health-" + health.level().name().toLowerCase(Locale.ROOT);
    }

    public static String label(Health health) {
        if (health == null) {
            return "";
        }
        return switch (health.level()) {
            case GREEN -> "ok";
            case YELLOW -> "late";
            case RED -> "problem";
            case GREY -> greyLabel(health.reason());
        };
    }

    /** Grey covers states that are not running on purpose; naming them keeps "no data" for real silence. */
    private static String greyLabel(String reason) {
        return switch (reason) {
            case "Stopped" -> "stopped";
            case "Destroyed" -> "destroyed";
            case "Building" -> "building";
            default -> "no data";
        };
    }

    /**
     * A table cell showing the dot and its word, the reason in the tooltip. Its nodes are made once
     * and only changed when the cell shows another row, as a table of thousands of rows re-fills
     * its cells on every scroll and filter keystroke.
     */
    public static <S> TableCell<S, Health> cell() {
        return new TableCell<>() {
            private final Circle dot = new Circle(6);
            private final Label label = new Label("", dot);
            private final Tooltip reason = new Tooltip();

            {
                label.getStyleClass().add("health-label");
                reason.setShowDelay(Duration.millis(300));
                // hidden rather than taken out when empty: a graphic put back is styled again
                setGraphic(label);
            }

            @Override
            protected void updateItem(Health health, boolean empty) {
                super.updateItem(health, empty);
                setText(null);
                if (empty || health == null) {
                    label.setVisible(false);
                    setTooltip(null);
                    return;
                }
                label.setText(label(health));
                String colour = styleClass(health);
                if (!dot.getStyleClass().contains(colour)) {
                    dot.getStyleClass().setAll("health-dot", colour);
                }
                label.setVisible(true);
                reason.setText(health.reason());
                setTooltip(reason);
            }
        };
    }
}
