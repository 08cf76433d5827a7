package org.slapdesk.gui.util;

import java.time.Instant;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.util.Duration;

/** Highlights a table row for a few seconds when its item's health changes. */
public final class FlashingRows {

    private static final Duration FLASH = Duration.seconds(4);
    private static final String STYLE = "health-changed";

    private FlashingRows() {}

    public static <T> void install(TableView<T> table, Function<T, ObservableValue<Instant>> changedAt) {
        table.setRowFactory(view -> new TableRow<>() {
            private final PauseTransition fade = new PauseTransition(FLASH);
            private final ChangeListener<Instant> onChange = (o, was, now) -> flash(FLASH);
            private ObservableValue<Instant> watched;

            {
                fade.setOnFinished(e -> getStyleClass().remove(STYLE));
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                if (watched != null) {
                    watched.removeListener(onChange);
                    watched = null;
                }
                fade.stop();
                getStyleClass().remove(STYLE);
                if (empty || item == null) {
                    return;
                }
                watched = changedAt.apply(item);
                watched.addListener(onChange);
                Instant at = watched.getValue();
                if (at != null) {
                    long age = java.time.Duration.between(at, Instant.now()).toMillis(); // two Durations: name clash
                    if (age >= 0 && age < FLASH.toMillis()) {
                        flash(FLASH.subtract(Duration.millis(age)));
                    }
                }
            }

            private void flash(Duration length) {
                if (!getStyleClass().contains(STYLE)) {
                    getStyleClass().add(STYLE);
                }
                fade.stop();
                fade.setDuration(length);
                fade.playFromStart();
            }
        });
    }
}
