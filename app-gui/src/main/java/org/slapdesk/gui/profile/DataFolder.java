package org.slapdesk.gui.profile;

import java.nio.file.Path;
import java.util.Map;

/** Where the application keeps its files: {@code $XDG_DATA_HOME/slapdesk}, else {@code ~/.local/share/slapdesk}. */
public final class DataFolder {

    private DataFolder() {}

    public static Path of(Map<String, String> environment, Path home) {
        String xdg = environment.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return base.resolve("slapdesk");
    }

    public static Path forThisUser() {
        return of(System.getenv(), Path.of(System.getProperty("user.home")));
    }
}
