package org.slapdesk.remote.ssh;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * POSIX shell quoting. Every argument is single-quoted (a {@code '} inside becomes
 * {@code '\''}), so nothing in it is expanded: no {@code $()}, backticks, globs, {@code ;|&},
 * newlines. Commands sent to a node are built only from {@link #command} and {@link #quote}.
 */
public final class Shell {

    private Shell() {}

    /** One argument, single-quoted. A NUL byte can't be passed in a command line: refused. */
    public static String quote(String argument) {
        if (argument.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a shell argument cannot contain a NUL character");
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }

    /** A command line of quoted arguments, e.g. {@code command("ip", "-6", "addr")}. */
    public static String command(String... arguments) {
        return command(Arrays.asList(arguments));
    }

    public static String command(List<String> arguments) {
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException("an empty command");
        }
        return arguments.stream().map(Shell::quote).collect(Collectors.joining(" "));
    }

    /** Commands joined with {@code &&}: each runs only if the previous one succeeded. */
    public static String and(String... commands) {
        return String.join(" && ", commands);
    }
}
