package org.slapdesk.gui.schema;

/** A release's schema could not be read or understood; the message says which document and why. */
public final class SchemaException extends Exception {
    private static final long serialVersionUID = 1L;

    public SchemaException(String message) {
        super(message);
    }

    public SchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
