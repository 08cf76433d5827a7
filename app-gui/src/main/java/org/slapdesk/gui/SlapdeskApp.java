package org.slapdesk.gui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slapdesk.core.store.AppStore;
import org.slapdesk.core.store.StoreException;
import org.slapdesk.gui.activity.ActivityStore;
import org.slapdesk.gui.activity.AuditLogStore;
import org.slapdesk.gui.dashboard.HistoryStores;
import org.slapdesk.gui.nodes.NodeEnvironment;
import org.slapdesk.gui.nodes.NodeInventory;
import org.slapdesk.gui.notify.DesktopNotifier;
import org.slapdesk.gui.notify.DesktopNotifiers;
import org.slapdesk.gui.notify.Notification;
import org.slapdesk.gui.profile.AlertSwitch;
import org.slapdesk.gui.profile.ProfileKeeper;
import org.slapdesk.gui.profile.Profiles;
import org.slapdesk.gui.settings.SettingsStore;
import org.slapdesk.gui.settings.SettingsViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: builds the context and the main window; with --snapshot, writes a PNG and exits. */
public final class SlapdeskApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(SlapdeskApp.class);
    private static final Duration SNAPSHOT_PATIENCE = Duration.ofSeconds(30);

    private AppContext context;
    private AppStore store;

    static void launchWindow(String[] args) {
        WindowOptions options;
        try {
            options = WindowOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("slapdesk: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.snapshot().isPresent()) {
            Snapshot.useHeadlessToolkit();
        }
        Application.launch(SlapdeskApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        WindowOptions options = WindowOptions.parse(getParameters().getRaw());
        String storeProblem = null;
        try {
            store = AppStore.openDefault();
        } catch (StoreException e) {
            storeProblem = e.getMessage();
        }
        Profiles profiles = store == null ? Profiles.withoutStore() : Profiles.forThisUser(store);
        context = new AppContext(
                profiles.all(),
                profiles.connector(),
                store == null ? ActivityStore.NONE : new AuditLogStore(store.auditLog()),
                store == null ? NodeInventory.inMemory() : NodeInventory.stored(store.knownNodes()),
                NodeEnvironment.forThisUser(),
                store == null
                        ? new SettingsViewModel()
                        : new SettingsViewModel(
                                SettingsStore.stored(store.settings()),
                                Optional.ofNullable(
                                        store.file().toAbsolutePath().getParent())),
                store == null ? HistoryStores.none() : HistoryStores.in(store, Clock.systemUTC()),
                alertSwitch(store),
                options.snapshot().isPresent() ? DesktopNotifier.NONE : DesktopNotifiers.forThisDesktop());
        if (store != null) {
            ProfileKeeper.keep(context.profiles(), store, context.notifications());
        } else {
            context.notifications()
                    .post(
                            Notification.Level.WARNING,
                            "The application database cannot be opened",
                            "Profiles and the activity log are not kept this time: " + storeProblem,
                            "");
        }
        MainWindow window = new MainWindow(context, getHostServices());
        window.show(stage, options);
        try {
            context.start(options.profile().orElse(null));
        } catch (IllegalArgumentException e) {
            context.notifications().error("Cannot open the profile", e);
        }
        options.snapshot().ifPresent(file -> snapshotWhenSettled(stage.getScene(), file));
    }

    private void snapshotWhenSettled(Scene scene, Path file) {
        Instant giveUp = Instant.now().plus(SNAPSHOT_PATIENCE);
        Instant[] settledSince = {null};
        Timeline poll = new Timeline();
        poll.getKeyFrames()
                .add(new KeyFrame(
                        javafx.util.Duration.millis(200), // two Durations: name clash
                        e -> {
                            boolean settled = context.settled();
                            if (settled && settledSince[0] == null) {
                                settledSince[0] = Instant.now();
                            } else if (!settled) {
                                settledSince[0] = null;
                            }
                            boolean calm = settledSince[0] != null
                                    && Duration.between(settledSince[0], Instant.now())
                                                    .toMillis()
                                            > 800;
                            if (calm || Instant.now().isAfter(giveUp)) {
                                poll.stop();
                                try {
                                    Snapshot.write(scene, file);
                                    System.out.println("slapdesk: wrote " + file.toAbsolutePath());
                                } catch (IOException | RuntimeException ex) {
                                    LOG.error("cannot write the snapshot", ex);
                                    System.err.println("slapdesk: cannot write " + file + ": " + ex.getMessage());
                                }
                                Platform.exit();
                            }
                        }));
        poll.setCycleCount(Animation.INDEFINITE);
        poll.play();
    }

    /** Alerts are on unless the profile's stored setting turned them off. */
    private static AlertSwitch alertSwitch(AppStore store) {
        return store == null ? AlertSwitch.inMemory(true) : AlertSwitch.stored(store.alertSettings());
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
        if (store != null) {
            store.close();
        }
    }

    /** Applies the light or dark AtlantaFX theme to the whole application. */
    static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(
                dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }
}
