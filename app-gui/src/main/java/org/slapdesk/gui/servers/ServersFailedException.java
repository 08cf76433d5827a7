package org.slapdesk.gui.servers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** An action on several servers failed on some of them; the message names each with its reason. */
final class ServersFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, Exception> failed;

    ServersFailedException(Map<String, Exception> failed) {
        super(failed.entrySet().stream()
                .map(e -> e.getKey() + ": " + reason(e.getValue()))
                .collect(Collectors.joining("\n")));
        this.failed = Collections.unmodifiableMap(new LinkedHashMap<>(failed));
        failed.values().forEach(this::addSuppressed);
    }

    /** Why it failed, by server. */
    Map<String, Exception> failed() {
        return failed;
    }

    private static String reason(Exception error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }
}
