package org.slapdesk.gui.services;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slapdesk.gui.schema.FieldSpec;

/** One input of the generated form: its spec, what the user typed, and the current error ("" when fine). */
public final class FieldModel {

    private final FieldSpec spec;
    private final StringProperty value = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    FieldModel(FieldSpec spec) {
        this.spec = spec;
    }

    public FieldSpec spec() {
        return spec;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
