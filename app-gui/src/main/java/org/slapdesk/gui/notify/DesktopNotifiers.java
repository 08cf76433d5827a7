package org.slapdesk.gui.notify;

/** Picks the desktop's notification service: notify-send on Linux desktops, else the system tray, else none. */
public final class DesktopNotifiers {

    private DesktopNotifiers() {}

    public static DesktopNotifier forThisDesktop() {
        return NotifySendNotifier.onPath(System.getenv("PATH"))
                .or(TrayNotifier::ifSupported)
                .orElse(DesktopNotifier.NONE);
    }
}
