package org.slapdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.health.HealthSample.ObjectRef;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.store.AuditEntry.Outcome;

class AppStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00.123Z");

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("data/slapdesk/slapdesk.db");
    }

    private static MasterProfile rapidSpace() {
        return MasterProfile.plain("rapid.space", "https://slap.vifib.com/")
                .withClientCertificate(Path.of("/home/u/.slapos/certificate"), Path.of("/home/u/.slapos/key"))
                .withColour("#3366cc");
    }

    @Test
    void createsTheSchemaInWalModeAndKeepsEverythingAcrossReopen() {
        try (AppStore store = AppStore.open(db())) {
            assertThat(store.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(store.journalMode()).isEqualTo("wal");
            store.profiles().save(rapidSpace());
            store.profiles().save(MasterProfile.local());
            store.knownNodes()
                    .save(new KnownNodeRecord(
                            "2001:db8::7",
                            2222,
                            "root",
                            Optional.of(Path.of("/k/id_ed25519")),
                            Optional.of("bastion.example.org"),
                            Optional.empty()));
            store.auditLog()
                    .append(T0, "rapid.space", "request", "my-service", Outcome.SUCCESS, Optional.of("started"));
            store.healthHistory()
                    .record(
                            "local",
                            List.of(new TransitionRow(
                                    new ObjectRef(ObjectRef.Kind.NODE, "COMP-1"),
                                    T0,
                                    Health.yellow("No contact for 4 min"),
                                    false)),
                            Map.of(),
                            T0,
                            List.of());
        }
        assertThat(Files.exists(db())).isTrue();
        try (AppStore again = AppStore.open(db())) {
            assertThat(again.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(again.profiles().list()).extracting(MasterProfile::name).containsExactly("local", "rapid.space");
            assertThat(again.profiles().find("rapid.space")).contains(rapidSpace());
            assertThat(again.profiles().find("local")).contains(MasterProfile.local());
            assertThat(again.knownNodes()
                            .find("2001:db8::7", 2222, "root")
                            .orElseThrow()
                            .label())
                    .isEqualTo("root@[2001:db8::7]:2222");
            assertThat(again.auditLog().recent(10)).singleElement().satisfies(e -> assertThat(e.at())
                    .isEqualTo(T0));
            assertThat(again.healthHistory().latest("local"))
                    .extractingByKey(new ObjectRef(ObjectRef.Kind.NODE, "COMP-1"))
                    .satisfies(s -> assertThat(s.health()).isEqualTo(Health.yellow("No contact for 4 min")));
        }
    }

    @Test
    void profiles() {
        try (AppStore store = AppStore.open(db())) {
            ProfileDao profiles = store.profiles();
            profiles.save(rapidSpace());
            MasterProfile changed =
                    MasterProfile.plain("rapid.space", "https://other/").withCa(Path.of("/ca.pem"));
            profiles.save(changed);
            assertThat(profiles.list()).containsExactly(changed);
            assertThat(profiles.rename("rapid.space", "rs")).isTrue();
            assertThat(profiles.find("rapid.space")).isEmpty();
            assertThat(profiles.find("rs").orElseThrow().caFile()).contains(Path.of("/ca.pem"));
            profiles.save(rapidSpace());
            assertThatThrownBy(() -> profiles.rename("rs", "rapid.space"))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("already exists");
            assertThat(profiles.rename("nosuch", "x")).isFalse();
            assertThat(profiles.delete("rs")).isTrue();
            assertThat(profiles.delete("rs")).isFalse();
            assertThatThrownBy(() -> profiles.rename("rapid.space", " ")).hasMessage("a profile needs a name");
        }
    }

    @Test
    void aProfilesRestUrlIsKeptAndItsClientUsesIt() throws Exception {
        MasterProfile withRest = MasterProfile.plain("vifib", "https://slap.vifib.com/")
                .withRestUrl(URI.create("https://api.vifib.com/hateoas/"));
        try (AppStore store = AppStore.open(db())) {
            store.profiles().save(withRest);
        }
        try (AppStore again = AppStore.open(db())) {
            MasterProfile loaded = again.profiles().find("vifib").orElseThrow();
            assertThat(loaded.restUrl()).contains(URI.create("https://api.vifib.com/hateoas/"));
            assertThat(again.profiles().list()).containsExactly(withRest);
        }
    }

    @Test
    void aProfilesApiUrlIsKeptAndClearedAcrossRestarts() throws Exception {
        URI api = URI.create("https://slap.vifib.com/erp5/portal_web_services/slapos_master_api/");
        MasterProfile withApi =
                MasterProfile.plain("vifib", "https://slap.vifib.com/").withApiUrl(api);
        try (AppStore store = AppStore.open(db())) {
            store.profiles().save(withApi);
        }
        try (AppStore again = AppStore.open(db())) {
            assertThat(again.profiles().find("vifib").orElseThrow().apiUrl()).contains(api);
            assertThat(again.profiles().list()).containsExactly(withApi);
            again.profiles().save(withApi.withApiUrl(null));
        }
        try (AppStore third = AppStore.open(db())) {
            assertThat(third.profiles().find("vifib").orElseThrow().apiUrl()).isEmpty();
        }
    }

    @Test
    void aStoredProfileThatIsNoLongerValidIsLeftOutOfTheList() throws Exception {
        try (AppStore store = AppStore.open(db())) {
            store.profiles().save(rapidSpace());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO profile (name, master_url, kind) VALUES ('broken', 'ftp://x/', 'remote')");
        }
        try (AppStore again = AppStore.open(db())) {
            assertThat(again.profiles().list()).extracting(MasterProfile::name).containsExactly("rapid.space");
            assertThatThrownBy(() -> again.profiles().find("broken"))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("'broken' is unusable");
        }
    }

    @Test
    void knownNodes() {
        try (AppStore store = AppStore.open(db())) {
            KnownNodeDao nodes = store.knownNodes();
            nodes.save(KnownNodeRecord.of("node1.example.org", 22, "root"));
            nodes.save(KnownNodeRecord.of("node1.example.org", 22, "slapos"));
            nodes.save(KnownNodeRecord.of("node1.example.org", 22, "root").withHostKeyFingerprint("SHA256:abc"));
            assertThat(nodes.list()).hasSize(2);
            assertThat(nodes.find("node1.example.org", 22, "root").orElseThrow().hostKeyFingerprint())
                    .contains("SHA256:abc");
            assertThat(nodes.rememberHostKey("node1.example.org", 22, "slapos", "SHA256:def"))
                    .isTrue();
            assertThat(nodes.rememberHostKey("nosuch", 22, "root", "SHA256:x")).isFalse();
            assertThat(nodes.find("node1.example.org", 22, "slapos")
                            .orElseThrow()
                            .hostKeyFingerprint())
                    .contains("SHA256:def");
            assertThat(nodes.delete("node1.example.org", 22, "root")).isTrue();
            assertThat(nodes.find("node1.example.org", 22, "root")).isEmpty();
            assertThatThrownBy(() -> KnownNodeRecord.of("h", 0, "root")).hasMessageContaining("port 0 of h");
        }
    }

    @Test
    void auditLogIsReadNewestFirst() {
        try (AppStore store = AppStore.open(db())) {
            AuditLog log = store.auditLog();
            AuditEntry first = log.append(
                    T0, "local", "supply", "https://x/software.cfg on COMP-1", Outcome.SUCCESS, Optional.empty());
            log.append(T0, "local", "request", "my-service", Outcome.FAILURE, Optional.of("master not ready (408)"));
            log.append(T0.plusSeconds(5), "rapid.space", "request", "my-service", Outcome.SUCCESS, Optional.empty());
            log.append(
                    T0.plusSeconds(9), "local", "format", "COMP-1", Outcome.CANCELLED, Optional.of("user cancelled"));
            assertThat(first.id()).isPositive();
            assertThat(log.recent(2)).extracting(AuditEntry::action).containsExactly("format", "request");
            assertThat(log.forTarget("my-service", 10))
                    .extracting(AuditEntry::outcome)
                    .containsExactly(Outcome.SUCCESS, Outcome.FAILURE);
            assertThat(log.forTarget("my-service", 10).get(1).detail()).contains("master not ready (408)");
            assertThat(log.between(T0, T0.plusSeconds(9)))
                    .extracting(AuditEntry::action)
                    .containsExactly("supply", "request", "request");
            assertThatThrownBy(() -> log.append(T0, "local", "", "x", Outcome.SUCCESS, Optional.empty()))
                    .hasMessage("an audit entry needs its action");
        }
    }

    @Test
    void aNewDatabaseFileAndItsJournalFilesAreTheOwnersOnly() throws Exception {
        try (AppStore store = AppStore.open(db())) {
            store.auditLog().append(T0, "me", "create", "profile x", Outcome.SUCCESS, Optional.empty());
            for (String suffix : List.of("", "-wal", "-shm")) {
                assertThat(Files.getPosixFilePermissions(Path.of(db() + suffix)))
                        .as(suffix)
                        .isEqualTo(SqliteFileTest.OWNER_ONLY);
            }
        }
    }

    @Test
    void aDatabaseFromANewerSlapdeskIsRefusedUntouched() throws Exception {
        AppStore.open(db()).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
                Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        assertThatThrownBy(() -> AppStore.open(db()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version 99")
                .hasMessageContaining("newer Slapdesk");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
                Statement s = c.createStatement();
                var rs = s.executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(99);
        }
    }

    @Test
    void aFileThatIsNotADatabaseGetsAClearMessage() throws Exception {
        Files.createDirectories(db().getParent());
        Files.writeString(db(), "this is not sqlite, just text that happens to be long enough to matter ".repeat(20));
        assertThatThrownBy(() -> AppStore.open(db()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(db().toString())
                .hasMessageContaining("move it aside");
    }

    @Test
    void defaultPathFollowsXdg() {
        Path home = Path.of("/home/u");
        assertThat(AppStore.defaultPath(Map.of(), home))
                .isEqualTo(Path.of("/home/u/.local/share/slapdesk/slapdesk.db"));
        assertThat(AppStore.defaultPath(Map.of("XDG_DATA_HOME", "/data/x"), home))
                .isEqualTo(Path.of("/data/x/slapdesk/slapdesk.db"));
        assertThat(AppStore.defaultPath(Map.of("XDG_DATA_HOME", "relative"), home))
                .isEqualTo(Path.of("/home/u/.local/share/slapdesk/slapdesk.db"));
    }

    @Test
    void twoThreadsAndASecondConnectionShareTheFile() throws Exception {
        try (AppStore store = AppStore.open(db());
                AppStore reader = AppStore.open(db())) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> jobs = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    String actor = "thread" + t;
                    jobs.add(pool.submit(() -> {
                        for (int i = 0; i < 50; i++) {
                            store.auditLog()
                                    .append(
                                            T0.plusMillis(i),
                                            actor,
                                            "poll",
                                            "COMP-1",
                                            Outcome.SUCCESS,
                                            Optional.empty());
                        }
                    }));
                }
                for (Future<?> job : jobs) {
                    job.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(reader.auditLog().recent(1000)).hasSize(100);
        }
    }
}
