package org.slapdesk.gui.profile;

import java.util.HashSet;
import java.util.Set;
import javafx.collections.ListChangeListener;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.store.AppStore;
import org.slapdesk.core.store.StoreException;
import org.slapdesk.gui.notify.NotificationCenter;

/**
 * Writes the registry's remote profiles to the app store whenever the list changes, and forgets
 * the ones removed. The slapos-client.cfg profile is read from its file each start, not stored.
 */
public final class ProfileKeeper {

    private final ProfileRegistry registry;
    private final AppStore store;
    private final NotificationCenter notifications;

    private ProfileKeeper(ProfileRegistry registry, AppStore store, NotificationCenter notifications) {
        this.registry = registry;
        this.store = store;
        this.notifications = notifications;
    }

    public static void keep(ProfileRegistry registry, AppStore store, NotificationCenter notifications) {
        ProfileKeeper keeper = new ProfileKeeper(registry, store, notifications);
        registry.profiles().addListener((ListChangeListener<MasterProfile>) change -> keeper.save());
    }

    private void save() {
        Set<String> kept = new HashSet<>();
        try {
            for (MasterProfile profile : registry.profiles()) {
                kept.add(profile.name());
                if (profile.kind() == MasterProfile.Kind.REMOTE
                        && !profile.name().equals(Profiles.CLIENT_CONFIG_NAME)) {
                    store.profiles().save(profile);
                }
            }
            for (MasterProfile stored : store.profiles().list()) {
                if (stored.kind() == MasterProfile.Kind.REMOTE && !kept.contains(stored.name())) {
                    store.profiles().delete(stored.name());
                }
            }
        } catch (StoreException e) {
            notifications.error("Cannot save the profiles", e);
        }
    }
}
