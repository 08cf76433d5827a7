package org.slapdesk.testlab;

/** What a finished command gave back. */
public record ProcessResult(int exitCode, String stdout, String stderr) {

    public boolean ok() {
        return exitCode == 0;
    }

    /** For assertion messages. */
    public String describe() {
        return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
}
