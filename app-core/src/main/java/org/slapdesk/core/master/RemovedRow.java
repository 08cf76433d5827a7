package org.slapdesk.core.master;

/** A partition (by reference) or an installation (by release URL) of a node that is gone. */
public record RemovedRow(String nodeReference, String reference) {}
