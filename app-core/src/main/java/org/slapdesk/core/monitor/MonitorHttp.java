package org.slapdesk.core.monitor;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

/**
 * GETs monitor documents: TLS verified with the system trust (the JDK client's default), no
 * redirects followed (credentials never go where the service did not point), every answer
 * bounded in time and size. The basic-auth credentials go over HTTPS only, or over plain HTTP to
 * a loopback address.
 */
final class MonitorHttp {

    private final HttpClient client;
    private final Duration timeout;
    private final int maxBytes;

    MonitorHttp(Duration timeout, int maxBytes) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    byte[] get(URI uri, MonitorAccess access) throws MonitorReadException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(timeout).GET();
        if (access.hasCredentials()) {
            if (!mayCarryCredentials(uri)) {
                throw new MonitorReadException(
                        "the monitor at " + uri.getHost()
                                + " is not HTTPS: Slapdesk does not send the password in clear",
                        false);
            }
            String pair = access.username() + ":" + access.password();
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new MonitorReadException("no answer from " + uri + " within " + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new MonitorReadException("cannot reach " + uri + ": " + describe(e), e);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 401 || status == 403) {
                throw new MonitorReadException(
                        "the monitor refused the user name or password (HTTP " + status + ")", false);
            }
            if (status == 404) {
                throw new MonitorReadException(uri + " does not exist (HTTP 404)", true);
            }
            if (status != 200) {
                throw new MonitorReadException("HTTP " + status + " from " + uri, false);
            }
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new MonitorReadException(uri + " is larger than " + maxBytes / 1024 + " KiB", false);
            }
            return bytes;
        } catch (IOException e) {
            throw new MonitorReadException("reading " + uri + " failed: " + describe(e), e);
        }
    }

    private static boolean mayCarryCredentials(URI uri) {
        if ("https".equals(uri.getScheme().toLowerCase(Locale.ROOT))) {
            return true;
        }
        try {
            String host = uri.getHost().replace("[", "").replace("]", "");
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
