package org.slapdesk.master;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Writes raw request bytes on a fresh socket and reads what the server answers until it closes. */
final class RawHttp {

    private final URI base;

    RawHttp(URI base) {
        this.base = base;
    }

    /** The host:port a well-behaved client names in Host. */
    String host() {
        return base.getHost() + ":" + base.getPort();
    }

    Socket open() throws IOException {
        return new Socket(InetAddress.getByName(base.getHost()), base.getPort());
    }

    /** A socket from another loopback address (another client as the server sees it). */
    Socket openFrom(String localAddress) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
        s.connect(new InetSocketAddress(InetAddress.getByName(base.getHost()), base.getPort()), 5_000);
        return s;
    }

    /** Sends {@code request} (with its own Connection: close) and returns the whole answer. */
    String exchange(String request) throws IOException {
        try (Socket s = open()) {
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return readAll(s.getInputStream());
        }
    }

    static String readAll(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        StringBuilder answer = new StringBuilder();
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                answer.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (SocketException reset) {
            // what was read before the reset is the answer
        }
        return answer.toString();
    }
}
