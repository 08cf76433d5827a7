package org.slapdesk.remote.ssh;

/** Receives a remote command's output line by line (without the line end) as it arrives. */
public interface OutputListener {

    OutputListener NONE = new OutputListener() {
        @Override
        public void stdout(String line) {}

        @Override
        public void stderr(String line) {}
    };

    void stdout(String line);

    void stderr(String line);
}
