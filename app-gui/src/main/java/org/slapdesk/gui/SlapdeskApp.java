package org.slapdesk.gui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application. */
public final class SlapdeskApp extends Application {

    static void launchWindow(String[] args) {
        Application.launch(SlapdeskApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Slapdesk");
        stage.setScene(new Scene(new Label("Slapdesk"), 1200, 800));
        stage.show();
    }
}
