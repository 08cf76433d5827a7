package org.slapdesk.core.monitor;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real HTTP server on loopback serving files the way the monitor stack's httpd does: {@code
 * public/} open, {@code private/} behind basic auth. Monitors live under path prefixes
 * ({@code /root}, {@code /db}) so one server plays several instances.
 */
final class MonitorStackServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    MonitorStackServer(String user, String password) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::servePublic);
        for (String monitor : new String[] {"/root", "/db"}) {
            HttpContext privateFiles = server.createContext(monitor + "/private/", this::serve);
            privateFiles.setAuthenticator(new BasicAuthenticator("monitor") {
                @Override
                public boolean checkCredentials(String u, String p) {
                    return user.equals(u) && password.equals(p);
                }
            });
        }
        server.start();
    }

    URI base(String monitor) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + monitor);
    }

    void put(String path, String content) {
        files.put(path, content.getBytes(StandardCharsets.UTF_8));
    }

    void put(String path, byte[] content) {
        files.put(path, content);
    }

    private void servePublic(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().contains("/private/")) {
            reply(exchange, 401, new byte[0]);
            return;
        }
        serve(exchange);
    }

    private void serve(HttpExchange exchange) throws IOException {
        byte[] body = files.get(exchange.getRequestURI().getPath());
        reply(exchange, body == null ? 404 : 200, body == null ? new byte[0] : body);
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
