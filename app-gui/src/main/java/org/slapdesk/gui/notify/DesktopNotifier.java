package org.slapdesk.gui.notify;

/** Shows a message through the desktop's own notification service (outside the window). */
public interface DesktopNotifier {

    /** No desktop notification service: the window's notification history still has the entry. */
    DesktopNotifier NONE = (title, text) -> {};

    void show(String title, String text);
}
