package org.slapdesk.core.wire;

/** A value that cannot be encoded, or a document that is not valid marshalled XML. */
public class MarshalException extends Exception {
    private static final long serialVersionUID = 1L;

    public MarshalException(String message) {
        super(message);
    }

    public MarshalException(String message, Throwable cause) {
        super(message, cause);
    }
}
