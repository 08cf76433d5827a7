package org.slapdesk.core.master;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;

/** A real loopback socket server that answers every connection with a scripted byte stream. */
final class RawServer implements AutoCloseable {

    interface Script {
        void answer(Socket socket) throws IOException, InterruptedException;
    }

    private final ServerSocket listener;
    private final Thread thread;

    RawServer(Script script) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(
                () -> {
                    while (!listener.isClosed()) {
                        try (Socket socket = listener.accept()) {
                            script.answer(socket);
                        } catch (IOException | InterruptedException e) {
                            // the client went away, or the server stops
                        }
                    }
                },
                "raw-server");
        thread.setDaemon(true);
        thread.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/");
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
