package org.slapdesk.gui.servers;

import org.slapdesk.core.health.Health;

/** A partition of the selected server, as the detail table shows it. */
public record PartitionRow(String reference, String state, String instance, String release, Health health) {}
