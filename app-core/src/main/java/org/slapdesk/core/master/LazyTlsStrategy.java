package org.slapdesk.core.master;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Builds the TLS context from the profile's material on the first https connection: a master
 * reached over plain HTTP (the local master on loopback) never loads the TLS machinery, which
 * costs a short command a good part of its start.
 */
final class LazyTlsStrategy implements TlsSocketStrategy {

    private final TlsMaterial material;
    private TlsSocketStrategy strategy;

    LazyTlsStrategy(TlsMaterial material) {
        this.material = material;
    }

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        return strategy().upgrade(socket, target, port, attachment, context);
    }

    private synchronized TlsSocketStrategy strategy() {
        if (strategy == null) {
            strategy = new DefaultClientTlsStrategy(material.sslContext());
        }
        return strategy;
    }
}
