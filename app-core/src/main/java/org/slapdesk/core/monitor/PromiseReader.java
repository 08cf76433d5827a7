package org.slapdesk.core.monitor;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one service's monitor over HTTP(S), laid out as the SlapOS monitor stack lays it out (see
 * docs/protocol.md, "Instance monitors"): the feed list ({@code <base>/public/feeds}, OPML) names
 * the monitor of every instance of the tree; each instance's RSS feed ({@code <base>/public/feed})
 * names its promises with their status; each promise's {@code <base>/private/<name>.status.json}
 * and {@code .history.json} (behind basic auth) give its message, start and change times and its
 * past results. Each response is bounded in size and time, XML is parsed without DTDs, TLS is
 * verified against the system trust, redirects are not followed.
 *
 * <p>Never throws for a monitor problem: an unreachable monitor, a refused password or a bad
 * document comes back as {@link ServicePromises#problem()}. A promise whose status file is
 * missing keeps what the feed said. Blocking; safe to share between threads.
 */
public final class PromiseReader {

    /** Bounds on what one monitor may make us read. */
    public record Limits(Duration timeout, int maxBytes, int maxInstances, int maxPromises, int maxHistoryPoints) {
        public static Limits defaults() {
            return new Limits(Duration.ofSeconds(10), 2 * 1024 * 1024, 50, 200, 200);
        }
    }

    private final Clock clock;
    private final Limits limits;
    private final MonitorHttp http;

    public PromiseReader(Clock clock) {
        this(clock, Limits.defaults());
    }

    public PromiseReader(Clock clock, Limits limits) {
        this.clock = clock;
        this.limits = limits;
        this.http = new MonitorHttp(limits.timeout(), limits.maxBytes());
    }

    /** What the monitor at {@code access} says about the promises of service {@code serviceTitle}. */
    public ServicePromises read(String serviceTitle, MonitorAccess access) throws InterruptedException {
        String base = access.baseUrl().toString();
        try {
            List<MonitorDocuments.Feed> feeds = feeds(serviceTitle, access);
            List<PromiseResult> promises = new ArrayList<>();
            for (MonitorDocuments.Feed feed : feeds) {
                promises.addAll(instancePromises(feed, access));
            }
            return new ServicePromises(serviceTitle, base, promises, Optional.empty(), clock.instant());
        } catch (MonitorReadException e) {
            return ServicePromises.unreadable(serviceTitle, base, e.getMessage(), clock.instant());
        }
    }

    /** The instances the OPML lists; just the service's own monitor when it has no feed list. */
    private List<MonitorDocuments.Feed> feeds(String serviceTitle, MonitorAccess access)
            throws MonitorReadException, InterruptedException {
        try {
            List<MonitorDocuments.Feed> feeds = MonitorDocuments.opml(
                    http.get(URI.create(access.baseUrl() + "/public/feeds"), access), limits.maxInstances());
            if (!feeds.isEmpty()) {
                return feeds;
            }
        } catch (MonitorReadException e) {
            if (!e.notFound()) {
                throw e;
            }
        }
        return List.of(new MonitorDocuments.Feed(serviceTitle, access.baseUrl()));
    }

    private List<PromiseResult> instancePromises(MonitorDocuments.Feed feed, MonitorAccess access)
            throws MonitorReadException, InterruptedException {
        List<MonitorDocuments.Item> items =
                MonitorDocuments.rss(http.get(URI.create(feed.base() + "/public/feed"), access), limits.maxPromises());
        List<PromiseResult> out = new ArrayList<>();
        for (MonitorDocuments.Item item : items) {
            String file = feed.base() + "/private/"
                    + URLEncoder.encode(item.name(), StandardCharsets.UTF_8).replace("+", "%20");
            List<PromisePoint> history = history(URI.create(file + ".history.json"), access);
            try {
                out.add(MonitorDocuments.status(
                        http.get(URI.create(file + ".status.json"), access), item.name(), feed.title(), history));
            } catch (MonitorReadException e) {
                if (!e.notFound()) {
                    throw e;
                }
                out.add(new PromiseResult(
                        item.name(),
                        feed.title(),
                        item.status(),
                        item.message(),
                        item.date(),
                        Optional.empty(),
                        history));
            }
        }
        return out;
    }

    private List<PromisePoint> history(URI uri, MonitorAccess access)
            throws MonitorReadException, InterruptedException {
        try {
            return MonitorDocuments.history(http.get(uri, access), limits.maxHistoryPoints());
        } catch (MonitorReadException e) {
            if (e.notFound()) {
                return List.of();
            }
            throw e;
        }
    }
}
