package org.slapdesk.gui.nodes.action;

/** Where the action wizard is: the form, the plan, the apply, its result. */
public enum WizardState {
    EDITING,
    PLANNING,
    PREVIEW,
    APPLYING,
    SUCCEEDED,
    FAILED,
    QUERYING,
    ANSWERED;

    public boolean busy() {
        return this == PLANNING || this == APPLYING || this == QUERYING;
    }
}
