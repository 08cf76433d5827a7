package org.slapdesk.gui.schema;

import java.net.URI;
import java.util.List;

/** What a release's {@code software.cfg.json} says: its name and the software types it offers, sorted by index. */
public record ReleaseSchema(URI location, String name, String description, List<SoftwareTypeEntry> types) {
    public ReleaseSchema {
        types = List.copyOf(types);
    }
}
