package org.slapdesk.core.model;

/** Whether a compute partition holds an instance. */
public enum PartitionState {
    FREE,
    BUSY,
    INACTIVE
}
