package org.slapdesk.remote.action.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** HTTP requests from this machine through a forward on a test host. */
final class HttpProbe {

    private HttpProbe() {}

    /** The body of a 200 answer; an IOException when nothing answers. */
    static String get(String url) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    interface Attempt {
        String run() throws Exception;
    }

    /** Retries for up to 10 s: socat or systemd may still be starting the forward. */
    static String eventually(Attempt attempt) throws Exception {
        Exception last = null;
        for (int i = 0; i < 50; i++) {
            try {
                return attempt.run();
            } catch (Exception e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw last;
    }
}
