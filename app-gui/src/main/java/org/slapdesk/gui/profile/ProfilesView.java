package org.slapdesk.gui.profile;

import atlantafx.base.theme.Styles;
import java.time.Clock;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.gui.util.Dialogs;

/** The list of profiles on the Settings page, with Add, Edit and Remove. */
public final class ProfilesView {

    private final ProfileRegistry registry;
    private final Clock clock;
    private final AlertSwitch alerts;
    private final VBox root = new VBox(8);
    private final ListView<MasterProfile> list;

    public ProfilesView(ProfileRegistry registry, Clock clock, AlertSwitch alerts) {
        this.registry = registry;
        this.clock = clock;
        this.alerts = alerts;
        Label title = new Label("Profiles");
        title.getStyleClass().add(Styles.TITLE_4);
        list = new ListView<>(registry.profiles());
        list.setId("profiles-list");
        list.setPrefHeight(160);
        list.setMaxWidth(720);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(MasterProfile profile, boolean empty) {
                super.updateItem(profile, empty);
                if (empty || profile == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Circle dot = new Circle(6);
                dot.setStyle("-fx-fill: " + profile.colour() + ";");
                setGraphic(dot);
                setText(profile + profile.masterUrl().map(url -> "  —  " + url).orElse(""));
            }
        });
        Button add = new Button("Add…", new FontIcon(Material2AL.ADD));
        add.setId("profile-add");
        add.setOnAction(e -> add());
        Button edit = new Button("Edit…", new FontIcon(Material2AL.EDIT));
        edit.setId("profile-edit");
        edit.disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> edit(list.getSelectionModel().getSelectedItem()));
        Button remove = new Button("Remove…", new FontIcon(Material2AL.DELETE));
        remove.setId("profile-remove");
        remove.disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> remove(list.getSelectionModel().getSelectedItem()));
        root.getChildren().addAll(title, list, new HBox(8, add, edit, remove));
    }

    public Node node() {
        return root;
    }

    public void add() {
        ProfileEditorViewModel editor =
                new ProfileEditorViewModel(name -> registry.find(name).isPresent(), clock);
        editor.pickColourUnlike(registry.profiles());
        new ProfileDialog(editor, "Add a master profile").ask(root).ifPresent(profile -> {
            alerts.setEnabled(profile.name(), editor.alertsProperty().get());
            registry.put(profile);
            registry.selectedProperty().set(profile);
        });
    }

    private void edit(MasterProfile profile) {
        if (profile.kind() == MasterProfile.Kind.LOCAL) {
            Dialogs.details(
                    root,
                    "Profile",
                    "The embedded local master has nothing to set",
                    "It runs inside this application, on loopback, with its database beside the application's own.");
            return;
        }
        ProfileEditorViewModel editor = new ProfileEditorViewModel(
                name -> !name.equals(profile.name()) && registry.find(name).isPresent(), clock);
        editor.edit(profile);
        editor.alertsProperty().set(alerts.enabled(profile.name()));
        new ProfileDialog(editor, "Edit " + profile.name()).ask(root).ifPresent(changed -> {
            alerts.setEnabled(changed.name(), editor.alertsProperty().get());
            if (!changed.name().equals(profile.name())) {
                registry.profiles().remove(profile);
            }
            registry.put(changed);
        });
    }

    private void remove(MasterProfile profile) {
        if (profile.kind() == MasterProfile.Kind.LOCAL) {
            return;
        }
        if (Dialogs.confirm(
                root,
                "Remove " + profile.name(),
                "Forget the profile '" + profile.name() + "'? The master and its certificate files are not touched.",
                "Remove")) {
            if (registry.selectedProperty().get() == profile) {
                registry.selectedProperty().set(registry.profiles().get(0));
            }
            registry.profiles().remove(profile);
        }
    }
}
