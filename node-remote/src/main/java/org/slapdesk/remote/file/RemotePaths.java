package org.slapdesk.remote.file;

import java.util.regex.Pattern;

/** The check every path sent to a node passes before it is quoted into a command. */
public final class RemotePaths {

    private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)\\.\\.?(/|$)");
    private static final int LONGEST_PATH = 4096;

    private RemotePaths() {}

    /**
     * An absolute path without control characters or {@code .} / {@code ..} segments.
     *
     * @throws IllegalArgumentException saying what is wrong with the path
     */
    public static String requireAbsolute(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("'" + path + "' is not an absolute path (it must start with /)");
        }
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("the path '" + path.replaceAll("\\p{Cntrl}", "?")
                    + "' contains a control character (newline, tab, NUL...)");
        }
        if (DOT_SEGMENT.matcher(path).find()) {
            throw new IllegalArgumentException(
                    "the path '" + path + "' contains a '.' or '..' segment: give the real path");
        }
        if (path.length() > LONGEST_PATH) {
            throw new IllegalArgumentException("the path is longer than " + LONGEST_PATH + " characters");
        }
        return path;
    }
}
