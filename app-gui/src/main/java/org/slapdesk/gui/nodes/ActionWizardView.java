package org.slapdesk.gui.nodes;

import atlantafx.base.theme.Styles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.slapdesk.gui.nodes.action.ActionField;
import org.slapdesk.gui.nodes.action.ActionSpec;
import org.slapdesk.gui.nodes.action.ActionWizardModel;
import org.slapdesk.gui.nodes.action.FieldValue;
import org.slapdesk.gui.nodes.action.WizardState;
import org.slapdesk.gui.util.Icons;

/** The action wizard: the form on the left; the plan, the apply and its result on the right. */
final class ActionWizardView {

    private final ActionWizardModel model;
    private final Clock clock;
    private final SplitPane root = new SplitPane();
    private final GridPane form = new GridPane();
    private final Label countdown = new Label();

    ActionWizardView(ActionWizardModel model, Clock clock) {
        this.model = model;
        this.clock = clock;
        root.setId("action-wizard");

        ComboBox<ActionSpec> choice = new ComboBox<>();
        choice.setId("action-choice");
        choice.getItems().setAll(model.catalog());
        choice.valueProperty().bindBidirectional(model.actionProperty());
        choice.setMaxWidth(Double.MAX_VALUE);
        choice.setVisibleRowCount(16);
        Label description = new Label();
        description.setWrapText(true);
        description.getStyleClass().add("text-muted");
        description
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.actionProperty().get() == null
                                ? ""
                                : model.actionProperty().get().description(),
                        model.actionProperty()));
        form.setHgap(8);
        form.setPadding(new Insets(2, 12, 2, 0));
        form.setVgap(6);
        model.fields().addListener((ListChangeListener<FieldValue>) c -> buildForm());
        buildForm();
        Label problem = new Label();
        problem.setId("action-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());

        Button preview =
                Icons.button("Preview plan", Material2MZ.PREVIEW, "Read the node and show exactly what would change");
        preview.setId("action-preview");
        preview.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.actionProperty().get() != null
                                        && !model.actionProperty().get().changesTheNode()
                                ? "Run"
                                : "Preview plan",
                        model.actionProperty()));
        preview.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> !model.problemProperty().get().isEmpty()
                                || model.stateProperty().get().busy(),
                        model.problemProperty(),
                        model.stateProperty()));
        preview.setDefaultButton(true);
        preview.setOnAction(e -> model.preview());

        // the form scrolls; the action's choice, its problem and Preview stay in sight
        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        formScroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(formScroll, Priority.ALWAYS);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        VBox left = new VBox(8, new Label("Action"), choice, description, formScroll, problem, preview);
        left.setMinWidth(300);
        left.setPrefWidth(400);
        left.getStyleClass().add("wizard-form");
        description.setMinHeight(Region.USE_PREF_SIZE);

        TextArea plan = new TextArea();
        plan.setId("action-plan");
        plan.setEditable(false);
        plan.getStyleClass().add("monospace");
        plan.setWrapText(true);
        plan.setPromptText(
                "The plan appears here: every command exactly as it will run, and the diff of every file it edits."
                        + " Nothing changes on the node before you press Apply.");
        plan.textProperty().bind(model.planTextProperty());
        VBox.setVgrow(plan, Priority.ALWAYS);

        Button apply = Icons.button(
                "Apply",
                Material2AL.CHECK,
                "Run the plan, then read the node back to verify; a failure undoes what the plan changed");
        apply.setId("action-apply");
        apply.getStyleClass().add(Styles.ACCENT);
        apply.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.canApply(), model.stateProperty()));
        apply.setOnAction(e -> model.apply());
        Button cancel = Icons.button(
                "Cancel", Material2MZ.STOP, "Stop: a running apply stops its command and undoes what it did");
        cancel.setId("action-cancel");
        cancel.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> !model.stateProperty().get().busy(), model.stateProperty()));
        cancel.setOnAction(e -> model.cancel());
        Button back = Icons.button("Edit", Material2AL.EDIT, "Back to the form");
        back.setId("action-back");
        back.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> model.stateProperty().get() == WizardState.EDITING
                                || model.stateProperty().get().busy(),
                        model.stateProperty()));
        back.setOnAction(e -> model.back());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.stateProperty().isEqualTo(WizardState.APPLYING));
        progress.setPrefWidth(160);
        progress.managedProperty().bind(progress.visibleProperty());
        Label step = new Label();
        step.setId("action-step");
        step.textProperty().bind(model.stepTextProperty());
        for (Button b : new Button[] {apply, cancel, back}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        progress.setMinWidth(Region.USE_PREF_SIZE);
        step.setMinWidth(0);
        HBox.setHgrow(step, Priority.ALWAYS);
        HBox buttons = new HBox(8, apply, cancel, back, progress, step);
        buttons.setAlignment(Pos.CENTER_LEFT);

        countdown.setId("revert-countdown");
        countdown.getStyleClass().add(Styles.WARNING);
        countdown.setWrapText(true);
        countdown.setMinHeight(Region.USE_PREF_SIZE);
        countdown.managedProperty().bind(countdown.visibleProperty());
        countdown.visibleProperty().bind(model.revertsAtProperty().isNotNull());
        Timeline tick = new Timeline(
                new KeyFrame(javafx.util.Duration.seconds(1), e -> showCountdown())); // two Durations: name clash
        tick.setCycleCount(Animation.INDEFINITE);
        model.revertsAtProperty().addListener((o, was, now) -> {
            showCountdown();
            if (now == null) {
                tick.stop();
            } else {
                tick.play();
            }
        });

        TextArea output = new TextArea();
        output.setId("action-output");
        output.setEditable(false);
        output.getStyleClass().add("monospace");
        output.setPrefRowCount(8);
        output.setWrapText(true);
        output.setPromptText("Output of the apply (or the answer of a read-only action)");
        FollowingText.follow(output, model.output());
        Label result = new Label();
        result.setId("action-result");
        result.setWrapText(true);
        result.setMaxWidth(Double.MAX_VALUE);
        result.setMinHeight(Region.USE_PREF_SIZE);
        result.textProperty().bind(model.resultProperty());
        model.stateProperty().addListener((o, was, now) -> {
            result.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            if (now == WizardState.SUCCEEDED || now == WizardState.ANSWERED) {
                result.getStyleClass().add(Styles.SUCCESS);
            } else if (now == WizardState.FAILED) {
                result.getStyleClass().add(Styles.DANGER);
            }
        });
        SplitPane planAndOutput = new SplitPane(plan, output);
        planAndOutput.setOrientation(Orientation.VERTICAL);
        planAndOutput.setDividerPositions(0.62);
        VBox.setVgrow(planAndOutput, Priority.ALWAYS);
        VBox right = new VBox(8, new Label("Plan"), planAndOutput, buttons, countdown, result);
        right.getStyleClass().add("wizard-plan");
        root.getItems().addAll(left, right);
        root.setDividerPositions(0.34);
    }

    Node node() {
        return root;
    }

    private void showCountdown() {
        Instant at = model.revertsAtProperty().get();
        if (at == null) {
            countdown.setText("");
            return;
        }
        long left = Math.max(0, Duration.between(clock.instant(), at).toSeconds());
        countdown.setText(
                "Confirm-or-revert: the node puts its previous network back in " + left + " s unless the console"
                        + " gets in again over a new SSH connection and confirms (it is trying now).");
    }

    private void buildForm() {
        form.getChildren().clear();
        int row = 0;
        for (FieldValue f : model.fields()) {
            Control control = control(f);
            control.setId("field-" + f.field().key());
            if (!f.field().hint().isEmpty()) {
                control.setTooltip(new Tooltip(f.field().hint()));
            }
            if (f.field().kind() == ActionField.Kind.FLAG) {
                form.add(control, 0, row++, 2, 1);
                continue;
            }
            Label label = new Label(f.field().label());
            label.setMinWidth(Label.USE_PREF_SIZE);
            GridPane.setHgrow(control, Priority.ALWAYS);
            control.setMaxWidth(Double.MAX_VALUE);
            form.addRow(row++, label, control);
        }
    }

    private static Control control(FieldValue f) {
        return switch (f.field().kind()) {
            case TEXT -> {
                TextField field = new TextField();
                field.setPromptText(f.field().hint());
                field.textProperty().bindBidirectional(f.value());
                yield field;
            }
            case SECRET -> {
                PasswordField field = new PasswordField();
                field.setPromptText(f.field().hint());
                field.textProperty().bindBidirectional(f.value());
                yield field;
            }
            case CHOICE -> {
                ComboBox<String> box = new ComboBox<>();
                box.getItems().setAll(f.field().choices());
                box.valueProperty().bindBidirectional(f.value());
                yield box;
            }
            case FLAG -> {
                CheckBox box = new CheckBox(f.field().label());
                box.setSelected(Boolean.parseBoolean(f.value().get()));
                box.selectedProperty().addListener((o, was, now) -> f.value().set(Boolean.toString(now)));
                f.value().addListener((o, was, now) -> box.setSelected(Boolean.parseBoolean(now)));
                yield box;
            }
        };
    }
}
