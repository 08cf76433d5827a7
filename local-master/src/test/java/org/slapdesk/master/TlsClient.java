package org.slapdesk.master;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** Requests to an HTTPS master with one client certificate (a fresh client each time: no session reuse). */
final class TlsClient {

    private final URI base;
    private final SSLContext context;

    TlsClient(URI base, SSLContext context) {
        this.base = URI.create("https://localhost:" + base.getPort() + "/");
        this.context = context;
    }

    private HttpClient client() {
        return HttpClient.newBuilder()
                .sslContext(context)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    HttpResponse<String> get(String path) throws Exception {
        return client().send(
                        HttpRequest.newBuilder(base.resolve(path))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String type, String body) throws Exception {
        return client().send(
                        HttpRequest.newBuilder(base.resolve(path))
                                .timeout(Duration.ofSeconds(10))
                                .header("Content-Type", type)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> form(String path, String body) throws Exception {
        return post(path, "application/x-www-form-urlencoded", body);
    }
}
