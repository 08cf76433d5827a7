package org.slapdesk.master;

import java.util.List;
import java.util.Set;

/** Issues a certificate and key (PEM) for a node, a partition or a user; the master's CA. */
public interface CertificateIssuer {

    /** Roles written in the certificate's OU; the server authorises requests by it. */
    enum Role {
        NODE,
        PARTITION,
        USER
    }

    record Issued(String certificatePem, String privateKeyPem) {}

    Issued issue(Role role, String name);

    /** False while it cannot issue yet: a CA folder in which no CA was made so far. */
    default boolean ready() {
        return true;
    }

    /** The serials (hexadecimal) of the certificates issued so far to {@code name}; empty if not recorded. */
    default List<String> issuedSerials(Role role, String name) {
        return List.of();
    }

    /** Every name a certificate of {@code role} was issued to, by whatever asked for it. */
    default Set<String> issuedNames(Role role) {
        return Set.of();
    }
}
