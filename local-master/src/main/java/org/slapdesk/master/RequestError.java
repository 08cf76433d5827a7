package org.slapdesk.master;

/**
 * A request the master refuses, with the HTTP status and a one-line message naming what is
 * wrong and what to do. Never a 5xx: bad input and unknown objects are the client's to fix.
 */
public final class RequestError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public RequestError(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static RequestError badRequest(String message) {
        return new RequestError(400, message);
    }

    public static RequestError forbidden(String message) {
        return new RequestError(403, message);
    }

    public static RequestError notFound(String message) {
        return new RequestError(404, message);
    }

    /** SLAP's "resource not ready": the instance waits for a partition (not a timeout). */
    public static RequestError notReady(String message) {
        return new RequestError(408, message);
    }

    public static RequestError conflict(String message) {
        return new RequestError(409, message);
    }

    public static RequestError tooLarge(String message) {
        return new RequestError(413, message);
    }
}
