package org.slapdesk.remote.ssh;

/** What a remote command returned: its exit code and all it printed. */
public record CommandResult(String command, int exitCode, String stdout, String stderr) {

    public boolean ok() {
        return exitCode == 0;
    }

    /** This result, or a {@link NodeException} naming the command, its exit code and stderr. */
    public CommandResult requireOk() throws NodeException {
        if (!ok()) {
            throw new NodeException(
                    "`" + command + "` exited " + exitCode + (stderr.isBlank() ? "" : ": " + stderr.strip()));
        }
        return this;
    }
}
