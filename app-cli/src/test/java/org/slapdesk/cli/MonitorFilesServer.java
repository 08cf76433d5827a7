package org.slapdesk.cli;

import com.sun.net.httpserver.BasicAuthenticator;
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
 * One instance monitor as the SlapOS monitor stack serves it, on loopback: {@code /public/feeds}
 * (OPML), {@code /public/feed} (RSS), {@code /private/<promise>.status.json} behind basic auth.
 */
final class MonitorFilesServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> files = new ConcurrentHashMap<>();

    MonitorFilesServer(String user, String password) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/public/", this::serve);
        server.createContext("/private/", this::serve).setAuthenticator(new BasicAuthenticator("monitor") {
            @Override
            public boolean checkCredentials(String u, String p) {
                return user.equals(u) && password.equals(p);
            }
        });
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Serves one instance ({@code instance}) with one promise in {@code status}. */
    void promise(String instance, String promise, String status, String message) {
        files.put(
                "/public/feeds",
                "<?xml version=\"1.0\"?><opml version=\"1.1\"><body><outline text=\"list\"><outline type=\"rss\""
                        + " title=\"" + instance + "\" xmlUrl=\"" + base()
                        + "/public/feed\"/></outline></body></opml>");
        files.put(
                "/public/feed",
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" + instance + "</title><item><title>["
                        + status + "] " + promise + "</title><description>" + message
                        + "</description></item></channel></rss>");
        files.put(
                "/private/" + promise + ".status.json",
                "{\"status\": \"" + status + "\", \"title\": \"" + promise + "\", \"instance\": \"" + instance
                        + "\", \"message\": \"" + message + "\", \"change-time\": 1764489600}");
    }

    private void serve(HttpExchange exchange) throws IOException {
        String body = files.get(exchange.getRequestURI().getPath());
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
