package org.slapdesk.master.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slapdesk.master.CertificateIssuer.Role;
import org.slapdesk.master.RequestError;

/**
 * Who calls: on plain HTTP (loopback only) everyone is a trusted user; on HTTPS, the verified
 * client certificate's OU (node, partition, user) and CN (node reference, COMP/partition, name).
 */
public record Caller(Role role, String name, boolean authenticated, String serial, boolean admin) {

    /** On plain loopback the caller is the local operator: an administrator. */
    public static final Caller LOOPBACK = new Caller(Role.USER, "loopback", false, null, true);

    /** The OU of a user certificate issued with the admin flag: a user who sees every instance tree. */
    public static final String ADMIN_UNIT = "admin";

    /** How Slapdesk's own client names itself (app-core's ClientOptions.DEFAULT_USER_AGENT). */
    public static final String CONSOLE_USER_AGENT_PREFIX = "slapdesk/";

    public static Caller of(HttpExchange exchange) {
        if (!(exchange instanceof HttpsExchange https) || https.getSSLSession() == null) {
            return LOOPBACK;
        }
        try {
            Certificate[] chain = https.getSSLSession().getPeerCertificates();
            X509Certificate cert = (X509Certificate) chain[0];
            String cn = null;
            String ou = null;
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    cn = rdn.getValue().toString();
                } else if ("OU".equalsIgnoreCase(rdn.getType())) {
                    ou = rdn.getValue().toString();
                }
            }
            if (cn == null || ou == null) {
                throw RequestError.forbidden(
                        "the client certificate has no CN or OU: use one issued by slapdesk serve");
            }
            Role role =
                    switch (ou) {
                        case "node" -> Role.NODE;
                        case "partition" -> Role.PARTITION;
                        case "user", ADMIN_UNIT -> Role.USER;
                        default -> throw RequestError.forbidden("unknown certificate role '" + ou + "'");
                    };
            return new Caller(role, cn, true, cert.getSerialNumber().toString(16), ADMIN_UNIT.equals(ou));
        } catch (SSLPeerUnverifiedException e) {
            throw RequestError.forbidden("a client certificate is required: a node gets one with slapos node register"
                    + " --token, a user with slapos configure client --token (the operator makes tokens with"
                    + " slapdesk serve token)");
        } catch (InvalidNameException e) {
            throw RequestError.forbidden("unreadable certificate subject");
        }
    }

    /**
     * Whether a call is the node's own contact, which the master records as {@code #access}.
     * With certificates that is the node's certificate; on loopback, where nobody is
     * authenticated, anyone but a console (which says so in its User-Agent) reading the node.
     */
    public boolean isNodeItself(String computer, String userAgent) {
        if (authenticated) {
            return role == Role.NODE && name.equals(computer);
        }
        return userAgent == null || !userAgent.startsWith(CONSOLE_USER_AGENT_PREFIX);
    }

    /** The serial of the caller's own certificate if it is {@code computer}'s node certificate, else null. */
    public String ownNodeSerial(String computer) {
        return authenticated && role == Role.NODE && name.equals(computer) ? serial : null;
    }

    /** Users only (supply, request as a user, listings). */
    public void requireUser(String what) {
        if (role != Role.USER) {
            throw RequestError.forbidden(
                    what + " needs a user certificate, not a " + role.name().toLowerCase() + " one");
        }
    }

    /** A user, or the node itself. */
    public void requireNode(String computer, String what) {
        if (role == Role.USER || (role == Role.NODE && name.equals(computer))) {
            return;
        }
        throw RequestError.forbidden(what + " on '" + computer + "' is not allowed to " + name);
    }

    /** A user, the node holding the partition, or the partition itself. */
    public void requirePartition(String computer, String partition, String what) {
        if (role == Role.USER
                || (role == Role.NODE && name.equals(computer))
                || (role == Role.PARTITION && name.equals(computer + "/" + partition))) {
            return;
        }
        throw RequestError.forbidden(what + " on '" + computer + "/" + partition + "' is not allowed to " + name);
    }
}
