package org.slapdesk.gui.shell;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.HostServices;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.gui.AppContext;
import org.slapdesk.gui.activity.ActivityView;
import org.slapdesk.gui.dashboard.DashboardLink;
import org.slapdesk.gui.dashboard.DashboardView;
import org.slapdesk.gui.dashboard.PromisesPane;
import org.slapdesk.gui.nodes.NodeRow;
import org.slapdesk.gui.nodes.NodesView;
import org.slapdesk.gui.notify.NotificationsView;
import org.slapdesk.gui.page.Page;
import org.slapdesk.gui.page.PageView;
import org.slapdesk.gui.profile.ProfilesView;
import org.slapdesk.gui.servers.ServersView;
import org.slapdesk.gui.services.ServicesView;
import org.slapdesk.gui.session.ConnectionState;
import org.slapdesk.gui.session.RefreshStatusText;
import org.slapdesk.gui.settings.SettingsView;
import org.slapdesk.gui.task.TaskItem;
import org.slapdesk.gui.tasks.TasksView;

/**
 * The main window: header with the profile switcher, navigation on the left, the page in the
 * middle with notifications over it, the status bar below. The window's top edge takes the
 * profile's colour so a production master is never mistaken for a test one.
 */
public final class ShellView {

    private final AppContext context;
    private final BorderPane root = new BorderPane();
    private final StackPane center = new StackPane();
    private final StackPane pageHolder = new StackPane();
    private final Map<Page, PageView> pages = new EnumMap<>(Page.class);
    private final Map<Page, ToggleButton> navButtons = new EnumMap<>(Page.class);
    private final NotificationsView notifications;
    private final ServersView servers;
    private final ServicesView services;
    private final ProfilesView profilesView;
    private Page current;

    public ShellView(AppContext context, HostServices hostServices) {
        this.context = context;
        root.setId("shell");
        root.getStyleClass().add("shell");
        Consumer<String> openUrl = url -> {
            if (hostServices != null) {
                hostServices.showDocument(url);
            }
        };
        servers = new ServersView(context.servers(), context.services()::releasesInUse, context.clock());
        services = new ServicesView(
                context.services(),
                context::newRequest,
                () -> context.servers().knownReleases(context.services().releasesInUse()),
                openUrl,
                new PromisesPane(
                                context.monitoring().promisesProperty(),
                                Bindings.createStringBinding(
                                        () -> context.services()
                                                                .list()
                                                                .selectedProperty()
                                                                .get()
                                                        == null
                                                ? null
                                                : context.services()
                                                        .list()
                                                        .selectedProperty()
                                                        .get()
                                                        .title(),
                                        context.services().list().selectedProperty()),
                                context.clock())
                        .node());
        pages.put(Page.DASHBOARD, new DashboardView(context.dashboard()));
        context.dashboard().navigateWith(this::open);
        pages.put(Page.SERVERS, servers);
        pages.put(Page.SERVICES, services);
        NodesView nodes = new NodesView(context.nodes(), context.clock());
        pages.put(Page.NODES, nodes);
        // a server and the node over SSH on it (the node's computer_id) link to each other
        context.nodes().onOpenServer(reference -> {
            show(Page.SERVERS);
            servers.select(reference);
        });
        servers.linkNodes(
                context.nodes().list().serverLinks(),
                reference -> context.nodes().list().onServer(reference).map(NodeRow::displayName),
                reference -> context.nodes().list().onServer(reference).ifPresent(row -> {
                    show(Page.NODES);
                    nodes.open(row);
                }));
        servers.openNodesOfServersWith(references -> {
            show(Page.NODES);
            nodes.select(references.stream()
                    .map(reference -> context.nodes().list().onServer(reference))
                    .flatMap(Optional::stream)
                    .distinct()
                    .toList());
        });
        pages.put(Page.TASKS, new TasksView(context.tasks()));
        pages.put(Page.ACTIVITY, new ActivityView(context.activity()));
        profilesView = new ProfilesView(context.profiles(), context.clock(), context.alertSwitch());
        pages.put(Page.SETTINGS, new SettingsView(context.settings(), profilesView.node(), openUrl));
        notifications = new NotificationsView(context.notifications());

        root.setTop(header());
        root.setLeft(navigation());
        center.getChildren().addAll(pageHolder, notifications.node());
        // bottom right: a notice after an action must not cover the toolbar the next action is on
        StackPane.setAlignment(notifications.node(), Pos.BOTTOM_RIGHT);
        // the pages scroll or shrink inside the window; they never push the status bar out of it
        center.setMinSize(0, 0);
        pageHolder.setMinSize(0, 0);
        root.setMinSize(0, 0);
        root.setCenter(center);
        root.setBottom(statusBar());
        context.session().profileProperty().addListener((o, was, now) -> paintProfile(now));
        paintProfile(context.session().profileProperty().get());
        show(Page.SERVERS);
    }

    public BorderPane node() {
        return root;
    }

    public Page current() {
        return current;
    }

    public void show(Page page) {
        current = page;
        pageHolder.getChildren().setAll(pages.get(page).node());
        navButtons.get(page).setSelected(true);
    }

    /** Opens the list a dashboard link leads to, with its filter in the filter box (where the user can clear it). */
    public void open(DashboardLink link) {
        switch (link.page()) {
            case SERVERS -> context.servers().list().filterProperty().set(link.filter());
            case SERVICES -> context.services().list().filterProperty().set(link.filter());
            default -> {
                // only the two lists are link targets
            }
        }
        show(link.page());
    }

    /** Keyboard shortcuts for the main actions. */
    public void installShortcuts(Scene scene) {
        Page[] all = Page.values();
        for (int i = 0; i < all.length; i++) {
            Page page = all[i];
            scene.getAccelerators()
                    .put(
                            new KeyCodeCombination(
                                    KeyCode.getKeyCode(String.valueOf(i + 1)), KeyCombination.SHORTCUT_DOWN),
                            () -> show(page));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), context::refreshAll);
        scene.getAccelerators()
                .put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), context::refreshAll);
        scene.getAccelerators()
                .put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> pages.get(current)
                        .focusFilter());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> {
            show(Page.SERVICES);
            services.openRequest();
        });
        scene.getAccelerators()
                .put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> {
                    show(Page.SERVERS);
                    servers.openSupply();
                });
        scene.getAccelerators()
                .put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), () -> context.settings()
                        .darkProperty()
                        .set(!context.settings().darkProperty().get()));
        scene.getAccelerators()
                .put(
                        new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                        () -> notifications.showHistory(root));
        scene.getAccelerators()
                .put(new KeyCodeCombination(KeyCode.ESCAPE, KeyCombination.SHIFT_DOWN), () -> context.notifications()
                        .dismissAll());
    }

    private Node header() {
        Label app = new Label("Slapdesk", new FontIcon(Material2AL.DEVICE_HUB));
        app.getStyleClass().addAll(Styles.TITLE_4, "app-title");

        ComboBox<MasterProfile> switcher = new ComboBox<>(context.profiles().profiles());
        switcher.setId("profile-switcher");
        switcher.setPromptText("no master configured");
        switcher.valueProperty().bindBidirectional(context.profiles().selectedProperty());
        switcher.setCellFactory(v -> new ProfileCell());
        switcher.setButtonCell(new ProfileCell());
        switcher.setTooltip(new Tooltip("The master this window talks to"));

        Button addProfile = iconButton(Material2AL.ADD, "Add a master profile");
        addProfile.setId("profile-add-header");
        addProfile.setOnAction(e -> profilesView.add());
        Label url = new Label();
        url.getStyleClass().add(Styles.TEXT_MUTED);
        url.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> context.session().master().map(m -> m.url()).orElse(""),
                        context.session().masterProperty()));

        Button refresh = iconButton(Material2MZ.REFRESH, "Refresh now (F5)");
        refresh.setOnAction(e -> context.refreshAll());
        Button bell = iconButton(Material2MZ.NOTIFICATIONS, "Notification history (Ctrl+Shift+H)");
        bell.setId("notification-bell");
        bell.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> context.notifications().active().isEmpty()
                                ? ""
                                : String.valueOf(
                                        context.notifications().active().size()),
                        context.notifications().active()));
        bell.setOnAction(e -> notifications.showHistory(root));
        Button theme = iconButton(Material2AL.BRIGHTNESS_4, "Light / dark theme (Ctrl+D)");
        theme.setId("theme-toggle");
        theme.setOnAction(e -> context.settings()
                .darkProperty()
                .set(!context.settings().darkProperty().get()));

        HBox header = new HBox(
                10,
                app,
                new Spacer(16),
                new Label("Profile"),
                switcher,
                addProfile,
                url,
                new Spacer(),
                refresh,
                bell,
                theme);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 12, 8, 12));
        header.getStyleClass().add("app-header");
        return header;
    }

    private Node navigation() {
        VBox nav = new VBox(2);
        nav.getStyleClass().add("navigation");
        nav.setPadding(new Insets(10, 6, 10, 6));
        nav.setPrefWidth(170);
        ToggleGroup group = new ToggleGroup();
        Page[] all = Page.values();
        for (int i = 0; i < all.length; i++) {
            Page page = all[i];
            ToggleButton button = new ToggleButton(page.title(), new FontIcon(icon(page)));
            button.setId("nav-" + page.name().toLowerCase(Locale.ROOT));
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
            button.getStyleClass().addAll(Styles.FLAT, "nav-button");
            button.setTooltip(new Tooltip(page.title() + " (Ctrl+" + (i + 1) + ")"));
            button.setOnAction(e -> show(page));
            navButtons.put(page, button);
            nav.getChildren().add(button);
        }
        // a toggle group lets the user deselect; keep one page selected
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true);
            }
        });
        return nav;
    }

    private Node statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("status-bar");
        bar.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            ConnectionState state =
                                    context.session().stateProperty().get();
                            String detail = context.session().detailProperty().get();
                            return state.label()
                                    + (detail == null || detail.isBlank() || detail.equals(state.label())
                                            ? ""
                                            : " — " + detail);
                        },
                        context.session().stateProperty(),
                        context.session().detailProperty()));
        Circle light = new Circle(5);
        light.getStyleClass().add("connection-light");
        context.session().stateProperty().addListener((o, was, now) -> paintLight(light, now));
        paintLight(light, context.session().stateProperty().get());
        bar.setGraphic(light);

        Label lastRefresh = new Label();
        lastRefresh.setId("last-refresh");
        lastRefresh
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> RefreshStatusText.of(
                                context.session().progressProperty().get()),
                        context.session().progressProperty()));
        Label running = new Label();
        running.setId("running-tasks");
        ProgressBar progress = new ProgressBar(-1);
        progress.setPrefWidth(90);
        Runnable updateRunning = () -> {
            long count = context.tasks().runningCount();
            running.setText(count == 0 ? "" : count + (count == 1 ? " task running" : " tasks running"));
            progress.setVisible(count > 0);
        };
        context.tasks().tasks().addListener((ListChangeListener<TaskItem>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(t -> t.stateProperty().addListener((o, was, now) -> updateRunning.run()));
            }
            updateRunning.run();
        });
        updateRunning.run();
        running.setOnMouseClicked(e -> show(Page.TASKS));
        running.setPadding(new Insets(0, 8, 0, 0));
        progress.setPadding(new Insets(0, 16, 0, 0));
        bar.getRightItems().addAll(running, progress, lastRefresh);
        return bar;
    }

    private static void paintLight(Circle light, ConnectionState state) {
        light.getStyleClass().removeIf(s -> s.startsWith("health-"));
        light.getStyleClass()
                .add(
                        switch (state) {
                            case CONNECTED -> "health-green";
                            case CONNECTING -> "health-yellow";
                            case UNREACHABLE, FAILED -> "health-red";
                            case NO_MASTER -> "health-grey";
                        });
    }

    private void paintProfile(MasterProfile profile) {
        String colour = profile == null ? "#8c959f" : profile.colour();
        root.setStyle("-slapdesk-profile-colour: " + colour + ";");
    }

    private static Button iconButton(Ikon ikon, String tooltip) {
        Button button = new Button("", new FontIcon(ikon));
        button.getStyleClass().addAll(Styles.FLAT);
        button.setTooltip(new Tooltip(tooltip));
        return button;
    }

    private static Ikon icon(Page page) {
        return switch (page) {
            case DASHBOARD -> Material2AL.DASHBOARD;
            case SERVERS -> Material2AL.DNS;
            case SERVICES -> Material2AL.APPS;
            case NODES -> Material2MZ.STORAGE;
            case TASKS -> Material2MZ.PLAYLIST_PLAY;
            case ACTIVITY -> Material2AL.HISTORY;
            case SETTINGS -> Material2MZ.SETTINGS;
        };
    }

    /** A profile in the switcher: its colour dot and name. */
    private static final class ProfileCell extends ListCell<MasterProfile> {
        @Override
        protected void updateItem(MasterProfile profile, boolean empty) {
            super.updateItem(profile, empty);
            if (empty || profile == null) {
                setText(empty ? null : "no master configured");
                setGraphic(null);
                return;
            }
            Circle dot = new Circle(6);
            dot.setStyle("-fx-fill: " + profile.colour() + ";");
            setGraphic(dot);
            setText(profile.toString());
        }
    }
}
