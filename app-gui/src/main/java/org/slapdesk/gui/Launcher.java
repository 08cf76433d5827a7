package org.slapdesk.gui;

import org.slapdesk.cli.SlapdeskCommand;
import org.slapdesk.core.config.ConfigPaths;

/**
 * The one program: no arguments (or only window options) opens the window; anything else is a
 * sub-command handed to the command line. A plain main, so JavaFX can start from the classpath.
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) {
        ConfigPaths.adoptHomeFromEnvironment();
        if (args.length == 0 || WindowOptions.isWindowOption(args[0])) {
            SlapdeskApp.launchWindow(args);
        } else {
            System.exit(SlapdeskCommand.run(args));
        }
    }
}
