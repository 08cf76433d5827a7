package org.slapdesk.gui.nodes.action;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One field of the wizard's form and what is typed in it. */
public record FieldValue(ActionField field, StringProperty value) {

    static FieldValue of(ActionField field) {
        return new FieldValue(field, new SimpleStringProperty(field.defaultValue()));
    }
}
