package org.slapdesk.remote.action;

/** Input refused before anything runs on a node; the message says what is wrong and why. */
public final class InvalidInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
