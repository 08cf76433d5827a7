package org.slapdesk.gui.notify;

import java.awt.AWTException;
import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Desktop notifications through the system tray (Windows, macOS, desktops with a tray). */
final class TrayNotifier implements DesktopNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(TrayNotifier.class);

    private final TrayIcon icon;

    private TrayNotifier(TrayIcon icon) {
        this.icon = icon;
    }

    /** The notifier when this desktop has a system tray. */
    static Optional<DesktopNotifier> ifSupported() {
        try {
            if (GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
                return Optional.empty();
            }
            TrayIcon icon = new TrayIcon(new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB), "Slapdesk");
            icon.setImageAutoSize(true);
            SystemTray.getSystemTray().add(icon);
            return Optional.of(new TrayNotifier(icon));
        } catch (AWTException | RuntimeException | LinkageError e) {
            LOG.debug("no system tray: {}", e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void show(String title, String text) {
        icon.displayMessage(title, text, TrayIcon.MessageType.ERROR);
    }
}
