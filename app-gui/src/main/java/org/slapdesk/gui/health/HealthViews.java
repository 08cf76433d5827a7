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

    public static <S> TableCell<S, Health> cell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(Health health, boolean empty) {
                super.updateItem(health, empty);
                if (empty || health == null) {
                    setGraphic(null);
                    setTooltip(null);
                    setText(null);
                    return;
                }
                Label label = new Label(label(health), dot(health));
                label.getStyleClass().add("health-label");
                setGraphic(label);
                Tooltip tip = new Tooltip(health.reason());
                tip.setShowDelay(Duration.millis(300));
                setTooltip(tip);
            }
        };
    }
}
