package org.slapdesk.core.monitor;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a service's monitor access out of its connection parameters. The setup URL is a link to
 * the monitoring web app whose parameters (after {@code ?} or, as the monitor stack writes it,
 * after {@code #}) carry {@code url} (the OPML feed list), {@code username} and {@code password}.
 */
final class MonitorSetupUrl {

    static final String BASE_URL = "monitor-base-url";
    static final String SETUP_URL = "monitor-setup-url";
    private static final String FEEDS = "/public/feeds";

    private MonitorSetupUrl() {}

    static Optional<MonitorAccess> access(Map<String, String> connectionParameters) {
        Map<String, String> setup = parameters(connectionParameters.getOrDefault(SETUP_URL, ""));
        Optional<URI> base = httpUri(connectionParameters.get(BASE_URL))
                .or(() -> httpUri(setup.get("url")).map(MonitorSetupUrl::baseOfFeeds));
        return base.map(b -> new MonitorAccess(b, setup.get("username"), setup.get("password")));
    }

    private static URI baseOfFeeds(URI feeds) {
        String text = feeds.toString();
        return text.endsWith(FEEDS) ? URI.create(text.substring(0, text.length() - FEEDS.length())) : feeds;
    }

    private static Optional<URI> httpUri(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                return Optional.empty();
            }
            String path = uri.toString();
            return Optional.of(URI.create(path.endsWith("/") ? path.substring(0, path.length() - 1) : path));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The key=value pairs after the first {@code ?} or {@code #}, URL-decoded. */
    static Map<String, String> parameters(String setupUrl) {
        Map<String, String> out = new HashMap<>();
        int start = indexOfAny(setupUrl);
        if (start < 0) {
            return out;
        }
        for (String pair : setupUrl.substring(start + 1).split("[&#?]")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.putIfAbsent(
                        pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static int indexOfAny(String text) {
        int q = text.indexOf('?');
        int h = text.indexOf('#');
        if (q < 0) {
            return h;
        }
        return h < 0 ? q : Math.min(q, h);
    }
}
