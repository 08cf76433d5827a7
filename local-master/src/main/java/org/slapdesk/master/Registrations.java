package org.slapdesk.master;

import java.time.Clock;
import java.util.Optional;
import org.slapdesk.master.AccessTokens.Kind;
import org.slapdesk.master.CertificateIssuer.Issued;
import org.slapdesk.master.CertificateIssuer.Role;
import org.slapdesk.master.store.Database;
import org.slapdesk.master.store.Rows.Node;
import org.slapdesk.master.store.Rows.Token;
import org.slapdesk.master.tls.CertificateAuthority;

/**
 * What a token pays for: a new node with its certificate ({@code Person_requestComputer}) or a
 * user certificate ({@code Person_getCertificate}). Using the token and recording what it paid
 * for are one transaction: a refused registration leaves the token unused.
 */
public final class Registrations {

    /** A registered node: its reference and certificate; {@code certificate} starts with the subject line. */
    public record RegisteredNode(String reference, String title, String certificate, String key) {}

    private static final int MAX_TITLE_LENGTH = 255;

    private final Database database;
    private final Clock clock;
    private final AccessTokens tokens;
    private final CertificateIssuer issuer;

    public Registrations(Database database, Clock clock, CertificateIssuer issuer) {
        this.database = database;
        this.clock = clock;
        this.tokens = new AccessTokens(database, clock);
        this.issuer = issuer;
    }

    public AccessTokens tokens() {
        return tokens;
    }

    /**
     * A node registration token for {@code slapos computer token} and the console's Token button;
     * refused without a CA, since the node could not be given a certificate with it.
     */
    public String newNodeToken(String askedBy) {
        requireIssuer();
        return tokens.create(Kind.NODE, "asked by " + askedBy, AccessTokens.DEFAULT_VALIDITY);
    }

    /** {@code Person_requestComputer}: a new node {@code COMP-<n>} titled {@code title}, paid by a node token. */
    public RegisteredNode registerNode(String token, String title) {
        CertificateIssuer ca = requireIssuer();
        String cleanTitle = checkTitle(title);
        return tx(store -> {
            tokens.check(store, token, Kind.NODE);
            Optional<Node> same = store.nodeTitled(cleanTitle);
            if (same.isPresent()) {
                // the sentence `slapos node register` looks for to print its "name already in use"
                throw RequestError.conflict("Certificate still active. A node titled '" + cleanTitle
                        + "' is already registered as " + same.get().reference() + ": choose another name.");
            }
            String reference = "COMP-" + (Math.max(store.highestNodeNumber(), highestIssued(ca)) + 1);
            store.upsertNode(reference, cleanTitle, null, null, clock.millis());
            tokens.consume(store, token, Kind.NODE, reference);
            Issued issued = ca.issue(Role.NODE, reference);
            String certificate =
                    CertificateAuthority.subjectLine(issued.certificatePem()) + "\n" + issued.certificatePem();
            return new RegisteredNode(reference, cleanTitle, certificate, issued.privateKeyPem());
        });
    }

    /** {@code Person_getCertificate}: a user certificate for the name the user token was made for. */
    public Issued userCertificate(String token) {
        CertificateIssuer ca = requireIssuer();
        return tx(store -> {
            Token row = tokens.check(store, token, Kind.USER);
            tokens.consume(store, token, Kind.USER, "user " + row.label());
            return ca.issue(Role.USER, row.label());
        });
    }

    /**
     * The highest n of the {@code COMP-<n>} node certificates the CA ever issued: a node issued by
     * hand is not in the database until it formats, and must not get a twin.
     */
    private static long highestIssued(CertificateIssuer ca) {
        long highest = 0;
        for (String name : ca.issuedNames(Role.NODE)) {
            if (name.matches("COMP-[0-9]{1,18}")) {
                highest = Math.max(highest, Long.parseLong(name.substring("COMP-".length())));
            }
        }
        return highest;
    }

    /** Whether tokens can be given: the master has a CA to sign the certificates they pay for. */
    public boolean issuesCertificates() {
        return issuer != null && issuer.ready();
    }

    private CertificateIssuer requireIssuer() {
        if (issuesCertificates()) {
            return issuer;
        }
        // 501, not 503: nothing to wait for (503 reads as "busy, try again" to clients)
        throw new RequestError(
                501,
                "this master has no certificate authority, so it"
                        + " cannot give certificates: start it with one (slapdesk serve ca init, then slapdesk serve --tls"
                        + " --ca DIR ...)");
    }

    private static String checkTitle(String title) {
        if (title == null || title.isBlank()) {
            throw RequestError.badRequest("missing 'title': the name of the node to register");
        }
        String clean = title.strip();
        if (clean.length() > MAX_TITLE_LENGTH || clean.chars().anyMatch(Character::isISOControl)) {
            throw RequestError.badRequest(
                    "the node title must be one line of at most " + MAX_TITLE_LENGTH + " characters");
        }
        return clean;
    }

    private <T> T tx(Database.StoreWork<T> work) {
        return database.inStore(work);
    }
}
