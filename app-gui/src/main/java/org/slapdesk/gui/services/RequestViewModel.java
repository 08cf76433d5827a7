package org.slapdesk.gui.services;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.master.ReleaseSchema;
import org.slapdesk.core.master.ReleaseSchemaLoader;
import org.slapdesk.core.master.SoftwareTypeEntry;
import org.slapdesk.core.model.InstanceRequest;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.gui.schema.FieldSpec;
import org.slapdesk.gui.schema.FieldValues;
import org.slapdesk.gui.schema.FormSchema;
import org.slapdesk.gui.schema.ParameterText;
import org.slapdesk.gui.schema.SchemaException;
import org.slapdesk.gui.task.TaskService;

/**
 * The Request dialog: release, software type, title, optional server pin, shared, and the
 * parameters, edited either in a form generated from the release's JSON schema or as raw
 * XML / JSON. A schema that cannot be loaded never blocks: the dialog falls back to raw text
 * and says why.
 */
public final class RequestViewModel {

    public enum Mode {
        FORM,
        XML,
        JSON
    }

    private final TaskService tasks;
    private final Supplier<Optional<ReleaseSchemaLoader>> loaders;
    private final ObservableList<ServerChoice> serverChoices = FXCollections.observableArrayList();

    private final StringProperty release = new SimpleStringProperty("");
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty softwareType = new SimpleStringProperty("default");
    private final StringProperty computerGuid = new SimpleStringProperty("");
    private final BooleanProperty shared = new SimpleBooleanProperty();
    private final ObservableList<SoftwareTypeEntry> typeChoices = FXCollections.observableArrayList();
    private final ObjectProperty<SoftwareTypeEntry> typeChoice = new SimpleObjectProperty<>();
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.JSON);
    private final BooleanProperty formAvailable = new SimpleBooleanProperty();
    private final StringProperty rawText = new SimpleStringProperty("");
    private final StringProperty schemaStatus =
            new SimpleStringProperty("enter a release URL to load its parameter schema");
    private final StringProperty problem = new SimpleStringProperty("");
    private final ObservableList<FieldModel> fields = FXCollections.observableArrayList();
    private final ObservableList<String> generalErrors = FXCollections.observableArrayList();
    private final BooleanProperty jsonInXml = new SimpleBooleanProperty();
    private final BooleanProperty formValid = new SimpleBooleanProperty(true);
    private final BooleanProperty editing = new SimpleBooleanProperty();
    private String editedTitle;
    private final BooleanBinding canRequest;
    private FormSchema form;
    private long schemaGeneration;
    private String schemaUrl;

    /**
     * @param loaders a schema reader of the master in use (its TLS settings apply to the
     *     release's files), or empty when no master is connected
     */
    public RequestViewModel(TaskService tasks, Supplier<Optional<ReleaseSchemaLoader>> loaders) {
        this(tasks, loaders, FleetSnapshot::empty);
    }

    /**
     * @param fleet the fleet state's last snapshot, for the servers a request can be pinned to
     */
    public RequestViewModel(
            TaskService tasks, Supplier<Optional<ReleaseSchemaLoader>> loaders, Supplier<FleetSnapshot> fleet) {
        this.tasks = tasks;
        this.loaders = loaders;
        serverChoices.setAll(ServerChoices.forRelease(fleet.get(), ""));
        release.addListener((o, was, now) -> serverChoices.setAll(ServerChoices.forRelease(fleet.get(), now)));
        typeChoice.addListener((o, was, now) -> chooseType(now));
        rawText.addListener((o, was, now) -> {
            if (mode.get() != Mode.FORM) {
                validateRaw();
            }
        });
        canRequest = Bindings.createBooleanBinding(
                () -> !title.get().isBlank()
                        && !release.get().isBlank()
                        && (mode.get() != Mode.FORM || formValid.get()),
                title,
                release,
                mode,
                formValid);
    }

    // ~ what the view binds

    public StringProperty releaseProperty() {
        return release;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty softwareTypeProperty() {
        return softwareType;
    }

    public StringProperty computerGuidProperty() {
        return computerGuid;
    }

    /** The servers to pin: those the release is supplied to first. */
    public ObservableList<ServerChoice> serverChoices() {
        return serverChoices;
    }

    public BooleanProperty sharedProperty() {
        return shared;
    }

    public ObservableList<SoftwareTypeEntry> typeChoices() {
        return typeChoices;
    }

    public ObjectProperty<SoftwareTypeEntry> typeChoiceProperty() {
        return typeChoice;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public BooleanProperty formAvailableProperty() {
        return formAvailable;
    }

    public StringProperty rawTextProperty() {
        return rawText;
    }

    public StringProperty schemaStatusProperty() {
        return schemaStatus;
    }
    /** A parse or schema problem shown above the raw text ("" when none). */
    public StringProperty problemProperty() {
        return problem;
    }

    public ObservableList<FieldModel> fields() {
        return fields;
    }

    public ObservableList<String> generalErrors() {
        return generalErrors;
    }

    /** True when the dialog changes an existing service: its title and server are then fixed. */
    public ReadOnlyBooleanProperty editingProperty() {
        return editing;
    }

    public BooleanBinding canRequestBinding() {
        return canRequest;
    }

    public Optional<FieldModel> field(String name) {
        return fields.stream().filter(f -> f.spec().name().equals(name)).findFirst();
    }

    // ~ schema loading

    /** Loads the release's schema off the FX thread (once per URL); on failure, raw text stays the way in. */
    public void loadSchema() {
        if (release.get().trim().equals(schemaUrl)) {
            return;
        }
        reloadSchema();
    }

    /** Loads the schema again even when the release URL did not change. */
    public void reloadSchema() {
        String url = release.get().trim();
        schemaUrl = url;
        long mine = ++schemaGeneration;
        typeChoices.clear();
        typeChoice.set(null);
        dropForm();
        if (url.isEmpty()) {
            schemaStatus.set("enter a release URL to load its parameter schema");
            return;
        }
        Optional<ReleaseSchemaLoader> available = loaders.get();
        if (available.isEmpty()) {
            fallBack("no parameter schema: no master is connected, and the schema is read with its profile's"
                    + " certificates");
            return;
        }
        ReleaseSchemaLoader loader = available.get();
        schemaStatus.set("loading the parameter schema…");
        tasks.task("Load the parameter schema of " + url, context -> loader.release(url))
                .quiet()
                .onSuccess(schema -> {
                    if (mine == schemaGeneration) {
                        showTypes(schema, loader);
                    }
                })
                .onFailure(error -> {
                    if (mine == schemaGeneration) {
                        fallBack("no parameter schema: " + error.getMessage());
                    }
                })
                .start();
    }

    private ReleaseSchemaLoader currentLoader;
    private String releaseName = "";

    private void showTypes(ReleaseSchema schema, ReleaseSchemaLoader loader) {
        currentLoader = loader;
        List<SoftwareTypeEntry> types =
                schema.types().stream().filter(t -> t.shared() == shared.get()).toList();
        if (types.isEmpty()) {
            types = schema.types();
        }
        typeChoices.setAll(types);
        releaseName = schema.name().isBlank() ? schema.location().toString() : schema.name();
        schemaStatus.set("schema: " + releaseName);
        SoftwareTypeEntry preferred =
                schema.type(softwareType.get()).filter(types::contains).orElse(types.isEmpty() ? null : types.get(0));
        typeChoice.set(preferred);
    }

    private void chooseType(SoftwareTypeEntry type) {
        if (type == null) {
            return;
        }
        long mine = schemaGeneration;
        softwareType.set(type.softwareType());
        shared.set(type.shared());
        jsonInXml.set(type.jsonInXml());
        ReleaseSchemaLoader loader = currentLoader;
        schemaStatus.set("loading the form of " + type + "…");
        tasks.task("Load the form of " + type.key(), context -> FormSchema.of(loader.requestSchema(type)))
                .quiet()
                .onSuccess(loaded -> {
                    if (mine == schemaGeneration && typeChoice.get() == type) {
                        showForm(loaded, type);
                    }
                })
                .onFailure(error -> {
                    if (mine == schemaGeneration && typeChoice.get() == type) {
                        fallBack("no form for " + type + ": " + error.getMessage());
                    }
                })
                .start();
    }

    private void showForm(FormSchema loaded, SoftwareTypeEntry type) {
        Map<String, Object> carried = currentValues().orElse(Map.of());
        form = loaded;
        fields.clear();
        for (FieldSpec spec : loaded.fields()) {
            FieldModel field = new FieldModel(spec);
            Object value = carried.get(spec.name());
            field.valueProperty().set(value != null ? display(value) : preselected(spec));
            field.valueProperty().addListener((o, was, now) -> validateForm());
            fields.add(field);
        }
        formAvailable.set(true);
        problem.set("");
        schemaStatus.set(releaseName + ": form for " + type
                + (type.jsonInXml() ? " (sent as json-in-xml)" : " (sent as XML parameters)"));
        mode.set(Mode.FORM);
        validateForm();
    }

    /** Choices and booleans start on the schema's default, as the user would pick it; other fields start empty. */
    private static String preselected(FieldSpec spec) {
        boolean picked = spec.type() == FieldSpec.Type.CHOICE || spec.type() == FieldSpec.Type.BOOLEAN;
        return picked ? spec.defaultValue().orElse("") : "";
    }

    private void fallBack(String reason) {
        dropForm();
        schemaStatus.set(reason);
        problem.set(reason + " — enter the parameters as raw JSON or XML");
        if (mode.get() == Mode.FORM) {
            mode.set(Mode.JSON);
        }
    }

    private void dropForm() {
        Map<String, Object> carried = mode.get() == Mode.FORM ? currentValues().orElse(Map.of()) : null;
        form = null;
        fields.clear();
        formAvailable.set(false);
        formValid.set(true);
        generalErrors.clear();
        if (carried != null) {
            rawText.set(carried.isEmpty() ? "" : ParameterText.toJson(carried));
            mode.set(Mode.JSON);
        }
    }

    // ~ mode toggle

    /** Switches between the form and raw text, carrying the values across; a raw text that does not parse keeps the user in raw mode. */
    public boolean switchTo(Mode next) {
        if (next == mode.get()) {
            return true;
        }
        if (next == Mode.FORM && !formAvailable.get()) {
            problem.set("no form: the release's schema could not be loaded");
            return false;
        }
        Map<String, Object> values;
        try {
            values = mode.get() == Mode.FORM ? formValues() : parseRaw(mode.get());
        } catch (SchemaException e) {
            problem.set(e.getMessage());
            return false;
        }
        problem.set("");
        if (next == Mode.FORM) {
            for (FieldModel field : fields) {
                Object value = values.get(field.spec().name());
                field.valueProperty().set(value == null ? "" : display(value));
            }
            mode.set(Mode.FORM);
            validateForm();
        } else {
            mode.set(next);
            rawText.set(
                    values.isEmpty() && next == Mode.JSON
                            ? ""
                            : next == Mode.JSON
                                    ? ParameterText.toJson(values)
                                    : ParameterText.toXml(values, jsonInXml.get()));
        }
        return true;
    }

    private Optional<Map<String, Object>> currentValues() {
        try {
            return Optional.of(mode.get() == Mode.FORM ? formValues() : parseRaw(mode.get()));
        } catch (SchemaException e) {
            return Optional.empty();
        }
    }

    /** Raw text as values; XML text is read as the schema's types, since plain instance XML holds only text. */
    private Map<String, Object> parseRaw(Mode rawMode) throws SchemaException {
        if (rawMode == Mode.JSON) {
            return ParameterText.fromJson(rawText.get());
        }
        Map<String, Object> values = ParameterText.fromXml(rawText.get());
        return form == null ? values : form.typed(values);
    }

    // ~ validation

    private void validateForm() {
        if (form == null) {
            return;
        }
        boolean valid = true;
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldModel field : fields) {
            field.errorProperty().set("");
            try {
                typed(field).ifPresent(v -> values.put(field.spec().name(), v));
            } catch (SchemaException e) {
                field.errorProperty().set(e.getMessage());
                valid = false;
            }
        }
        Map<String, List<String>> errors = form.validate(values);
        generalErrors.clear();
        for (Map.Entry<String, List<String>> error : errors.entrySet()) {
            Optional<FieldModel> field = field(error.getKey());
            if (field.isPresent() && field.get().errorProperty().get().isEmpty()) {
                field.get().errorProperty().set(String.join("; ", error.getValue()));
            } else if (field.isEmpty()) {
                generalErrors.addAll(error.getValue());
            }
            valid = false;
        }
        formValid.set(valid);
    }

    private void validateRaw() {
        try {
            Map<String, Object> values = parseRaw(mode.get());
            problem.set(form == null ? "" : warnings(values));
        } catch (SchemaException e) {
            problem.set(e.getMessage());
        }
    }

    /** What the schema refuses; a plain-XML type sends every value as text, so a text that reads as the type passes. */
    private String warnings(Map<String, Object> values) {
        Map<String, List<String>> errors = form.validate(jsonInXml.get() ? values : form.typed(values));
        if (errors.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("the schema would refuse: ");
        errors.forEach((key, messages) -> text.append(key.isEmpty() ? "" : key + ": ")
                .append(String.join("; ", messages))
                .append(". "));
        return text.toString().trim();
    }

    private Map<String, Object> formValues() throws SchemaException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldModel field : fields) {
            typed(field).ifPresent(v -> values.put(field.spec().name(), v));
        }
        return values;
    }

    /** The field's value as the schema's type; empty when left blank. */
    private static Optional<Object> typed(FieldModel field) throws SchemaException {
        return FieldValues.parse(field.spec(), field.valueProperty().get());
    }

    private static String display(Object value) {
        return FieldValues.display(value);
    }

    // ~ the request

    /** What to send. XML-serialised types send every value as text, as the master stores them. */
    public InstanceRequest toRequest() throws SchemaException {
        Map<String, Object> values = mode.get() == Mode.FORM ? formValues() : parseRaw(mode.get());
        boolean asJson = jsonInXml.get();
        Map<String, Object> parameters = new LinkedHashMap<>();
        values.forEach((key, value) -> parameters.put(key, asJson ? value : textOf(value)));
        Map<String, String> sla = computerGuid.get().isBlank()
                ? Map.of()
                : Map.of("computer_guid", computerGuid.get().trim());
        try {
            return new InstanceRequest(
                    editing.get() ? editedTitle : title.get().trim(),
                    release.get().trim(),
                    softwareType.get(),
                    parameters,
                    asJson,
                    sla,
                    shared.get(),
                    RequestedState.STARTED);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SchemaException(e.getMessage(), e);
        }
    }

    private static Object textOf(Object value) {
        return display(value);
    }

    /**
     * Fills the dialog from an existing service, to change its parameters. The title stays as it
     * is (another title would request a new service) and so does the server it runs on.
     */
    public void prefill(
            String serviceTitle,
            String releaseUrl,
            String type,
            boolean sharedInstance,
            Map<String, String> currentParameters,
            Optional<String> server) {
        editing.set(true);
        editedTitle = serviceTitle;
        title.set(serviceTitle);
        computerGuid.set(server.orElse(""));
        release.set(releaseUrl);
        softwareType.set(type);
        shared.set(sharedInstance);
        Map<String, Object> values = new LinkedHashMap<>(currentParameters);
        if (values.size() == 1 && values.get("_") instanceof String packed) {
            try {
                values = ParameterText.fromJson(packed);
                jsonInXml.set(true);
            } catch (SchemaException e) {
                problem.set("the current '_' parameter is not JSON: " + e.getMessage());
            }
        }
        mode.set(Mode.JSON);
        rawText.set(values.isEmpty() ? "" : ParameterText.toJson(values));
    }
}
