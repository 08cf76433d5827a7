package org.slapdesk.gui.notify;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Desktop notifications through {@code notify-send} (libnotify: GNOME, KDE, XFCE and most Linux
 * desktops). The message goes as arguments, never through a shell.
 */
final class NotifySendNotifier implements DesktopNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(NotifySendNotifier.class);

    private final Path program;

    private NotifySendNotifier(Path program) {
        this.program = program;
    }

    /** The notifier when {@code notify-send} is on the PATH. */
    static Optional<DesktopNotifier> onPath(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (folder.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(folder, "notify-send");
            if (Files.isExecutable(candidate)) {
                return Optional.of(new NotifySendNotifier(candidate));
            }
        }
        return Optional.empty();
    }

    @Override
    public void show(String title, String text) {
        try {
            new ProcessBuilder(
                            List.of(program.toString(), "--app-name=Slapdesk", "--urgency=critical", "--", title, text))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            LOG.debug("notify-send failed: {}", e.toString());
        }
    }
}
