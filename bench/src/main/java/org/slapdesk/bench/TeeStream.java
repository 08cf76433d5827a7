package org.slapdesk.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The console as the benchmarks print to it, with a copy kept for docs/PERFORMANCE.md. */
final class TeeStream extends OutputStream {

    private final PrintStream console;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    TeeStream(PrintStream console) {
        this.console = console;
    }

    PrintStream printStream() {
        return new PrintStream(this, true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        copy.write(b);
        console.write(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        copy.write(bytes, offset, length);
        console.write(bytes, offset, length);
    }

    @Override
    public void flush() {
        console.flush();
    }

    synchronized String copied() {
        return copy.toString(StandardCharsets.UTF_8);
    }
}
