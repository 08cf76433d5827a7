package org.slapdesk.gui.profile;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The profiles offered in the switcher and the one in use. FX thread only. */
public final class ProfileRegistry {

    private final ObservableList<Profile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<Profile> selected = new SimpleObjectProperty<>();

    public ProfileRegistry(List<Profile> initial) {
        profiles.setAll(initial);
    }

    public ObservableList<Profile> profiles() {
        return profiles;
    }

    public ObjectProperty<Profile> selectedProperty() {
        return selected;
    }

    public Optional<Profile> find(String name) {
        return profiles.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Adds or replaces (by name). */
    public void put(Profile profile) {
        for (int i = 0; i < profiles.size(); i++) {
            if (profiles.get(i).name().equals(profile.name())) {
                profiles.set(i, profile);
                if (selected.get() != null && selected.get().name().equals(profile.name())) {
                    selected.set(profile);
                }
                return;
            }
        }
        profiles.add(profile);
    }
}
