package org.slapdesk.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.master.AccessTokens.Kind;
import org.slapdesk.master.store.Database;
import org.slapdesk.master.tls.CertificateAuthority;

/** Tokens: random, single use, expiring, of one kind; and the schema step that brought them. */
class AccessTokensTest {

    @TempDir
    Path dir;

    Database database;
    Registrations registrations;

    @BeforeEach
    void open() throws Exception {
        database = Database.open(dir.resolve("m.sqlite"));
        registrations = new Registrations(
                database, Clock.systemUTC(), CertificateAuthority.init(dir.resolve("ca"), "tokens test CA"));
    }

    @AfterEach
    void close() throws Exception {
        database.close();
    }

    @Test
    void tokensAreRandomUrlSafeAndStoredAsHashes() throws Exception {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            String token = registrations.tokens().create(Kind.NODE, null, Duration.ofMinutes(1));
            // never a leading '-': `slapos node register --token -x…` would take it for an option
            assertThat(token).matches("[A-Za-z0-9][A-Za-z0-9_-]{31}");
            assertThat(seen.add(token)).isTrue();
        }
        String token = registrations.tokens().create(Kind.USER, "alice", AccessTokens.DEFAULT_VALIDITY);
        String stored = database.transaction(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs =
                            s.executeQuery("SELECT token_hash, kind, label, expires_at - created_at FROM access_token"
                                    + " WHERE label='alice'")) {
                rs.next();
                return rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getLong(4);
            }
        });
        assertThat(stored)
                .isEqualTo(AccessTokens.hash(token) + " user alice "
                        + Duration.ofHours(24).toMillis());
    }

    @Test
    void aTokenPaysOnceBeforeItExpiresAndOnlyForItsKind() {
        String node = registrations.tokens().create(Kind.NODE, null, AccessTokens.DEFAULT_VALIDITY);
        assertThatThrownBy(() -> registrations.userCertificate(node)).hasMessageContaining("is for registering a node");
        assertThat(registrations.registerNode(node, " laptop ").title()).isEqualTo("laptop");
        assertThatThrownBy(() -> registrations.registerNode(node, "other")).hasMessageContaining("already used at");

        AccessTokens yesterday = new AccessTokens(database, Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)));
        String expired = yesterday.create(Kind.NODE, null, Duration.ofHours(1));
        assertThatThrownBy(() -> registrations.registerNode(expired, "late")).hasMessageContaining("expired at");

        String refused = registrations.tokens().create(Kind.NODE, null, AccessTokens.DEFAULT_VALIDITY);
        assertThatThrownBy(() -> registrations.registerNode(refused, "laptop"))
                .hasMessageContaining("Certificate still active.");
        assertThatThrownBy(() -> registrations.registerNode(refused, "two\nlines"))
                .hasMessageContaining("one line");
        assertThat(registrations.registerNode(refused, "desk").reference())
                .as("refusals kept the token")
                .isEqualTo("COMP-2");
    }

    @Test
    void badTokenRequestsAreRefused() {
        assertThatThrownBy(() -> registrations.tokens().create(Kind.NODE, null, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registrations.tokens().create(Kind.USER, null, Duration.ofHours(1)))
                .hasMessageContaining("needs a user name");
        assertThatThrownBy(() -> registrations.tokens().create(Kind.USER, "a b", Duration.ofHours(1)))
                .hasMessageContaining("needs a user name");
    }

    @Test
    void aSchemaOneDatabaseGetsTheTokenTable() throws Exception {
        database.transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE access_token");
                s.execute("DROP INDEX compute_node_title");
                s.execute("DROP TABLE revoked_certificate"); // steps 3 and 4, which come after
                s.execute("DROP TABLE instance_tree_owner");
                s.execute("UPDATE schema_version SET version = 1");
            }
            return null;
        });
        database.close();
        database = Database.open(dir.resolve("m.sqlite"));
        registrations = new Registrations(database, Clock.systemUTC(), null);
        assertThat(registrations.tokens().create(Kind.NODE, null, Duration.ofHours(1)))
                .hasSize(32);
        int version = database.transaction(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertThat(version).isEqualTo(4);
    }
}
