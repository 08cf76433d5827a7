package org.slapdesk.gui.util;

import javafx.geometry.Rectangle2D;
import javafx.scene.control.Dialog;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * Sizes a dialog to its content within sensible bounds and centres it on the window that owns
 * it (or on the screen), every time its content changes size (an expander opened).
 */
public final class DialogPlacement {

    static final double MIN_WIDTH = 420;
    static final double MIN_HEIGHT = 160;
    static final double MAX_WIDTH = 960;
    static final double MAX_HEIGHT = 720;

    private DialogPlacement() {}

    /** Call before showing the dialog. */
    public static void fitAndCentre(Dialog<?> dialog) {
        dialog.setResizable(true);
        dialog.setOnShown(e -> place(dialog));
    }

    /** Refits a shown dialog, e.g. after an expander inside it opened or closed. */
    public static void place(Dialog<?> dialog) {
        if (dialog.getDialogPane().getScene() == null) {
            return;
        }
        Window window = dialog.getDialogPane().getScene().getWindow();
        if (window == null) {
            return;
        }
        window.sizeToScene();
        Rectangle2D area = around(dialog.getOwner());
        double width = clamp(window.getWidth(), MIN_WIDTH, Math.min(MAX_WIDTH, area.getWidth()));
        double height = clamp(window.getHeight(), MIN_HEIGHT, Math.min(MAX_HEIGHT, area.getHeight()));
        window.setWidth(width);
        window.setHeight(height);
        window.setX(area.getMinX() + (area.getWidth() - width) / 2);
        window.setY(area.getMinY() + (area.getHeight() - height) / 2);
    }

    private static Rectangle2D around(Window owner) {
        if (owner != null && owner.getWidth() > 0 && owner.getHeight() > 0) {
            return new Rectangle2D(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight());
        }
        return Screen.getPrimary().getVisualBounds();
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, Double.isNaN(value) ? min : value));
    }
}
