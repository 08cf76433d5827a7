package org.slapdesk.master.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * The socket's input with a deadline for a whole phase (a request head, a body): each read
 * waits only for the time left, so a client dripping one byte at a time cannot stretch it.
 */
final class DeadlineInput extends InputStream {

    private final Socket socket;
    private final InputStream in;
    private long deadlineNanos = Long.MAX_VALUE;

    DeadlineInput(Socket socket, InputStream in) {
        this.socket = socket;
        this.in = in;
    }

    /** From now on, reads fail with {@link SocketTimeoutException} once {@code millis} have passed. */
    void startPhase(long millis) {
        deadlineNanos = System.nanoTime() + millis * 1_000_000L;
    }

    private void arm() throws IOException {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
    }

    @Override
    public int read() throws IOException {
        arm();
        return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        arm();
        return in.read(b, off, len);
    }
}
