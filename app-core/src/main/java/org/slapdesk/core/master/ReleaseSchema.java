package org.slapdesk.core.master;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.slapdesk.core.wire.SoftwareReleaseSchema;

/** What a release's {@code software.cfg.json} says: its name and the software types it offers, sorted by index. */
public record ReleaseSchema(URI location, String name, String description, List<SoftwareTypeEntry> types) {
    public ReleaseSchema {
        types = List.copyOf(types);
    }

    /**
     * The entry for a software type as the master names it: {@code RootSoftwareInstance} (what
     * slapos publishes for the default type) and an empty type both find the {@code default} entry.
     */
    public Optional<SoftwareTypeEntry> type(String softwareType) {
        String wanted = SoftwareReleaseSchema.canonicalSoftwareType(softwareType);
        return types.stream()
                .filter(t -> SoftwareReleaseSchema.canonicalSoftwareType(t.softwareType())
                        .equals(wanted))
                .findFirst();
    }
}
