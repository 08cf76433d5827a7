package org.slapdesk.gui.util;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Buttons with an icon, a text and the shortcut in the tooltip. */
public final class Icons {

    private Icons() {}

    public static FontIcon icon(Ikon ikon) {
        return new FontIcon(ikon);
    }

    public static Button button(String text, Ikon ikon, String tooltip) {
        Button button = new Button(text, new FontIcon(ikon));
        if (tooltip != null) {
            button.setTooltip(new Tooltip(tooltip));
        }
        return button;
    }
}
