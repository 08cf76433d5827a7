package org.slapdesk.gui.settings;

/** How tightly the tables are set: normal rows, or compact ones that fit more on a screen. */
public enum Density {
    NORMAL,
    COMPACT
}
