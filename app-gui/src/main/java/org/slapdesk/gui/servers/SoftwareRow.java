package org.slapdesk.gui.servers;

import org.slapdesk.core.health.Health;

/** A release supplied to the selected server. */
public record SoftwareRow(String url, String state, Health health) {}
