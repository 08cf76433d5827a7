package org.slapdesk.gui.services;

/** A server the Request dialog can pin, and whether the chosen release is supplied to it. */
public record ServerChoice(String reference, boolean supplied) {

    /** How the pin list shows it: "COMP-1 — supplied". */
    public String label() {
        return supplied ? reference + " — supplied" : reference;
    }
}
