package org.slapdesk.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.fleet.FleetSnapshot;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.health.HealthSample.ObjectRef;

/** Reading instance monitors from a real HTTP server laid out as the SlapOS monitor stack lays them out. */
class PromiseReaderTest {

    private static final String PASSWORD = "s3cr3t-monitor";
    private static final Instant CHANGED = Instant.parse("2026-11-30T08:15:00Z");

    private MonitorStackServer monitors;
    private final PromiseReader reader = new PromiseReader(Clock.systemUTC());

    @BeforeEach
    void serve() throws Exception {
        monitors = new MonitorStackServer("admin", PASSWORD);
        URI root = monitors.base("/root");
        URI db = monitors.base("/db");
        monitors.put(
                "/root/public/feeds",
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="1.1">
                  <head><title>shop</title></head>
                  <body>
                    <outline text="Monitoring RSS Feed list">
                      <outline text="shop" title="shop" type="rss" version="RSS" htmlUrl="%1$s/public/feed"
                               xmlUrl="%1$s/public/feed" url="%1$s/share/jio_public/" />
                      <outline text="shop-db" title="shop-db" type="rss" version="RSS" htmlUrl="%2$s/public/feed"
                               xmlUrl="%2$s/public/feed" url="%2$s/share/jio_public/" />
                    </outline>
                  </body>
                </opml>"""
                        .formatted(root, db));
        monitors.put("/root/public/feed", rss("[OK] check-port-listening", "[ERROR] check-free-disk"));
        monitors.put(
                "/root/private/check-free-disk.status.json",
                """
                {"status": "ERROR", "title": "check-free-disk", "instance": "shop", "hosting_subscription": "shop",
                 "message": "only 2%% of /srv is free", "start-date": "2026-11-30 09:01:02",
                 "change-time": %d, "type": "status"}"""
                        .formatted(CHANGED.getEpochSecond()));
        monitors.put(
                "/root/private/check-free-disk.history.json",
                """
                {"date": 1764489662, "data": [
                  {"status": "OK", "start-date": "2026-11-30 08:14:00", "message": ""},
                  {"status": "ERROR", "start-date": "2026-11-30T08:15:00+0000", "message": "only 3%"}]}""");
        monitors.put(
                "/root/private/check-port-listening.status.json",
                """
                {"status": "OK", "title": "check-port-listening", "instance": "shop", "message": "port 8080 open",
                 "start-date": "2026-11-30 09:01:00", "change-time": 1764400000.5}""");
        // the database instance: its status files are not there, its feed says it all
        monitors.put("/db/public/feed", rss("[WARNING] check-slow-queries"));
    }

    @AfterEach
    void stop() {
        monitors.close();
    }

    private static String rss(String... titles) {
        StringBuilder items = new StringBuilder();
        for (String title : titles) {
            items.append("<item><title>")
                    .append(title)
                    .append("</title><description>")
                    .append(title.contains("WARNING") ? "3 queries over 10 s" : "")
                    .append("</description><pubDate>Mon, 30 Nov 2026 09:01:02 +0000</pubDate></item>");
        }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>monitor</title>" + items
                + "</channel></rss>";
    }

    private MonitorAccess access(String password) {
        String feeds = monitors.base("/root") + "/public/feeds";
        return MonitorAccess.from(Map.of(
                        "monitor-base-url",
                        monitors.base("/root").toString(),
                        "monitor-setup-url",
                        "https://monitor.app.officejs.com/#page=settings_configurator&url=" + feeds
                                + "&username=admin&password=" + password))
                .orElseThrow();
    }

    @Test
    void readsEveryInstancesPromisesWithStatusMessageSinceAndHistory() throws Exception {
        ServicePromises shop = reader.read("shop", access(PASSWORD));

        assertThat(shop.problem()).isEmpty();
        assertThat(shop.promises())
                .extracting(PromiseResult::instance, PromiseResult::name, PromiseResult::status)
                .containsExactly(
                        tuple("shop", "check-port-listening", PromiseStatus.OK),
                        tuple("shop", "check-free-disk", PromiseStatus.ERROR),
                        tuple("shop-db", "check-slow-queries", PromiseStatus.WARNING));
        PromiseResult disk = shop.promises().get(1);
        assertThat(disk.message()).isEqualTo("only 2% of /srv is free");
        assertThat(disk.since()).contains(CHANGED);
        assertThat(disk.lastRun()).contains(Instant.parse("2026-11-30T09:01:02Z"));
        assertThat(disk.history())
                .extracting(PromisePoint::status)
                .containsExactly(PromiseStatus.OK, PromiseStatus.ERROR);
        assertThat(shop.promises().get(2).message()).isEqualTo("3 queries over 10 s");
        assertThat(shop.health().level()).isEqualTo(Health.Level.RED);
        assertThat(shop.health().reason()).contains("check-free-disk");
    }

    @Test
    void aFailingPromiseIsPartOfWhatIsWrongNow() throws Exception {
        ServicePromises shop = reader.read("shop", access(PASSWORD));

        List<WrongItem> wrong = WhatIsWrong.list("lab", FleetSnapshot.empty(), List.of(shop));

        assertThat(wrong)
                .extracting(WrongItem::object)
                .containsExactly(
                        new ObjectRef(ObjectRef.Kind.PROMISE, "shop/shop/check-free-disk"),
                        new ObjectRef(ObjectRef.Kind.PROMISE, "shop/shop-db/check-slow-queries"));
        assertThat(wrong.get(0).text()).isEqualTo("ERROR: only 2% of /srv is free");
        assertThat(wrong.get(0).since()).contains(CHANGED);
        assertThat(wrong.get(0).link()).isEqualTo(new LinkTarget("lab", ObjectRef.Kind.INSTANCE_TREE, "shop"));
    }

    @Test
    void aWrongPasswordIsSaidPlainly() throws Exception {
        ServicePromises shop = reader.read("shop", access("not-the-password"));

        assertThat(shop.promises()).isEmpty();
        assertThat(shop.problem()).contains("the monitor refused the user name or password (HTTP 401)");
        assertThat(shop.health().level()).isEqualTo(Health.Level.YELLOW);
        assertThat(access("not-the-password").toString()).doesNotContain("not-the-password");
    }

    @Test
    void aFeedListWithADoctypeIsRefused() throws Exception {
        monitors.put(
                "/root/public/feeds",
                "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<opml><body><outline xmlUrl=\"&x;\"/></body></opml>");

        ServicePromises shop = reader.read("shop", access(PASSWORD));

        assertThat(shop.problem()).hasValueSatisfying(p -> assertThat(p).contains("not valid XML"));
    }

    @Test
    void anOversizedDocumentAndASlowMonitorAreBounded() throws Exception {
        monitors.put("/root/public/feed", new byte[64 * 1024]);
        PromiseReader small = new PromiseReader(
                Clock.systemUTC(), new PromiseReader.Limits(Duration.ofSeconds(2), 16 * 1024, 50, 200, 200));

        assertThat(small.read("shop", access(PASSWORD)).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("larger than 16 KiB"));
    }

    @Test
    void thePasswordIsNotSentInClearToAnotherHost() throws Exception {
        MonitorAccess remote = new MonitorAccess(URI.create("http://monitor.example.invalid:8196"), "admin", PASSWORD);

        assertThat(reader.read("shop", remote).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("not HTTPS"));
    }

    @Test
    void theSetupUrlGivesTheAccessAndAServiceWithoutMonitorHasNone() {
        MonitorAccess fromSetupOnly = MonitorAccess.from(Map.of(
                        "monitor-setup-url",
                        "https://monitor.app.officejs.com/#page=settings_configurator"
                                + "&url=https://[2001:db8::5]:8196/public/feeds&username=admin&password=p%40ss"))
                .orElseThrow();

        assertThat(fromSetupOnly.baseUrl()).isEqualTo(URI.create("https://[2001:db8::5]:8196"));
        assertThat(fromSetupOnly.password()).isEqualTo("p@ss");
        assertThat(MonitorAccess.from(Map.of("url", "https://shop.example/"))).isEqualTo(Optional.empty());
        assertThat(MonitorAccess.from(Map.of("monitor-base-url", "file:///etc")))
                .isEmpty();
    }
}
