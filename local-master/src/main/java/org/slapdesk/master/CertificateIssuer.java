package org.slapdesk.master;

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
}
