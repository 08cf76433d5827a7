package org.slapdesk.gui.session;

/** What the status bar says about the master. */
public enum ConnectionState {
    NO_MASTER("no master configured"),
    CONNECTING("connecting…"),
    CONNECTED("connected"),
    UNREACHABLE("unreachable"),
    FAILED("cannot connect");

    private final String label;

    ConnectionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
