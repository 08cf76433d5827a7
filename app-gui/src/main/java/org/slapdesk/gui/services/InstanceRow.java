package org.slapdesk.gui.services;

import org.slapdesk.core.health.Health;

/** One instance of the selected service. */
public record InstanceRow(
        String title, String softwareType, String state, String location, boolean shared, Health health) {}
