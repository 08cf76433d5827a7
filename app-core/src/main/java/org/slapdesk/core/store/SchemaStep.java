package org.slapdesk.core.store;

import java.util.List;

/** One numbered schema change: the statements that take a database from the previous version to the next. */
public record SchemaStep(String purpose, List<String> statements) {

    public SchemaStep {
        statements = List.copyOf(statements);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("a schema step needs at least one statement: " + purpose);
        }
    }

    public SchemaStep(String purpose, String... statements) {
        this(purpose, List.of(statements));
    }
}
