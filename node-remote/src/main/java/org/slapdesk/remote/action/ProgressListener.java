package org.slapdesk.remote.action;

import org.slapdesk.remote.ssh.OutputListener;

/** Follows an apply: which step runs, its output, and the rollback if one happens. */
public interface ProgressListener extends OutputListener {

    ProgressListener NONE = new ProgressListener() {};

    default void stepStarted(int index, int total, Step step) {}

    default void rollingBack(String why) {}

    @Override
    default void stdout(String line) {}

    @Override
    default void stderr(String line) {}
}
