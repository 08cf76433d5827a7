package org.slapdesk.master;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.slapdesk.master.store.Database;
import org.slapdesk.master.store.Rows.Token;
import org.slapdesk.master.store.Store;

/**
 * Single-use tokens that pay for a node registration ({@code slapos node register --token}) or
 * a user certificate ({@code slapos configure client --token}). The token text is shown once;
 * the database keeps only its SHA-256, so reading the file gives nobody a usable token.
 */
public final class AccessTokens {

    /** What a token pays for; the name is what the database stores. */
    public enum Kind {
        NODE("node", "registering a node (slapos node register)"),
        USER("user", "a user certificate (slapos configure client)");

        private final String stored;
        private final String purpose;

        Kind(String stored, String purpose) {
            this.stored = stored;
            this.purpose = purpose;
        }

        String stored() {
            return stored;
        }
    }

    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(24);

    /** 24 random bytes: 192 bits, 32 URL-safe characters. */
    private static final int TOKEN_BYTES = 24;

    private final Database database;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public AccessTokens(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Makes a new token and returns its text, which is never stored.
     *
     * @param label for a user token its user name (the certificate's CN); for a node token a note
     */
    public String create(Kind kind, String label, Duration validity) {
        if (validity == null || validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("a token must stay valid for some time, not " + validity);
        }
        if (kind == Kind.USER && (label == null || !label.matches(UserNames.PATTERN))) {
            throw new IllegalArgumentException("a user token needs a user name made of letters, digits, '.', '_',"
                    + " '@' and '-', not '" + label + "'");
        }
        String token = newToken();
        long now = clock.millis();
        Token row = new Token(hash(token), kind.stored(), label, now, now + validity.toMillis(), null, null);
        try {
            database.transaction(c -> {
                new Store(c).insertToken(row);
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot store the new token in " + database.file() + ": " + e.getMessage(), e);
        }
        return token;
    }

    /**
     * 192 random bits as URL-safe text, never starting with '-' or '_': the slapos CLI would
     * read "--token -…" as another option.
     */
    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        String token;
        do {
            random.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (!Character.isLetterOrDigit(token.charAt(0)));
        return token;
    }

    /**
     * Inside the caller's transaction: checks {@code token} is a valid, unused, unexpired token
     * of {@code kind} and marks it used by {@code usedBy}. A refusal is a 403 naming the reason;
     * if the transaction rolls back later, the token stays unused.
     */
    Token consume(Store store, String token, Kind kind, String usedBy) throws SQLException {
        Token row = check(store, token, kind);
        if (!store.useToken(row.hash(), clock.millis(), usedBy)) {
            throw RequestError.forbidden("this token was already used: ask the master's operator for a new one");
        }
        return row;
    }

    /** Like {@link #consume} without using the token. */
    Token check(Store store, String token, Kind kind) throws SQLException {
        if (token == null || token.isBlank()) {
            throw RequestError.forbidden("no X-Access-Token header: pass the token the master's operator gave you"
                    + " (slapdesk serve token)");
        }
        Optional<Token> found = store.token(hash(token.trim()));
        if (found.isEmpty()) {
            throw RequestError.forbidden("unknown token: check it, or ask for a new one (slapdesk serve token)");
        }
        Token row = found.get();
        if (!row.kind().equals(kind.stored())) {
            Kind actual = row.kind().equals(Kind.NODE.stored()) ? Kind.NODE : Kind.USER;
            throw RequestError.forbidden("this token is for " + actual.purpose + ", not for " + kind.purpose);
        }
        if (row.usedAt() != null) {
            throw RequestError.forbidden("this token was already used at " + Instant.ofEpochMilli(row.usedAt())
                    + ": tokens are single use, ask for a new one");
        }
        if (clock.millis() >= row.expiresAt()) {
            throw RequestError.forbidden(
                    "this token expired at " + Instant.ofEpochMilli(row.expiresAt()) + ": ask for a new one");
        }
        return row;
    }

    static String hash(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
