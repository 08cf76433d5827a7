package org.slapdesk.core.master;

import java.net.URI;

/** Transport failures while reading a schema document, said as such rather than as a master call. */
final class SchemaFailures {

    private SchemaFailures() {}

    static MasterException fetching(URI uri, MasterException cause) {
        String where = uri.toString();
        String message = "Cannot read the schema document " + uri + ": " + sentence(describe(cause))
                + " Check the release URL and that this computer can reach its server; meanwhile enter the"
                + " parameters as raw JSON or XML.";
        if (cause instanceof MasterException.AuthenticationFailed refused) {
            return new MasterException.AuthenticationFailed(where, refused.reason(), message, cause);
        }
        if (cause instanceof MasterException.Unreachable) {
            return new MasterException.Unreachable(where, message, cause);
        }
        return new MasterException.BadResponse(where, message, cause);
    }

    /** Ends the text as a sentence, so the advice after it reads as one. */
    private static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.endsWith(".") ? trimmed : trimmed + ".";
    }

    /** An I/O failure in words: its message, or its kind when it has none. */
    static String describe(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank()
                ? "it failed without saying why (" + e.getClass().getSimpleName() + ")"
                : e.getMessage();
    }
}
