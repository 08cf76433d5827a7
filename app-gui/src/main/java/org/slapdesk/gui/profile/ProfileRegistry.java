package org.slapdesk.gui.profile;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slapdesk.core.master.MasterProfile;

/** The profiles offered in the switcher and the one in use. FX thread only. */
public final class ProfileRegistry {

    private final ObservableList<MasterProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<MasterProfile> selected = new SimpleObjectProperty<>();

    public ProfileRegistry(List<MasterProfile> initial) {
        profiles.setAll(initial);
    }

    public ObservableList<MasterProfile> profiles() {
        return profiles;
    }

    public ObjectProperty<MasterProfile> selectedProperty() {
        return selected;
    }

    public Optional<MasterProfile> find(String name) {
        return profiles.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Adds or replaces (by name). */
    public void put(MasterProfile profile) {
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
