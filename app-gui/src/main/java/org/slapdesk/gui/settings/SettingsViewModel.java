package org.slapdesk.gui.settings;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

/** Window settings: theme and refresh interval. */
public final class SettingsViewModel {

    public static final int DEFAULT_REFRESH_SECONDS = 10;

    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final IntegerProperty refreshSeconds = new SimpleIntegerProperty(DEFAULT_REFRESH_SECONDS);

    public BooleanProperty darkProperty() {
        return dark;
    }

    /** 0 turns live refresh off. */
    public IntegerProperty refreshSecondsProperty() {
        return refreshSeconds;
    }
}
