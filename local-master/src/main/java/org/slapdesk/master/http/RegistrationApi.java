package org.slapdesk.master.http;

import com.sun.net.httpserver.HttpExchange;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slapdesk.master.CertificateIssuer.Issued;
import org.slapdesk.master.Registrations;
import org.slapdesk.master.Registrations.RegisteredNode;
import org.slapdesk.master.RequestError;

/**
 * The two endpoints of the master's web side that a caller without a certificate may use,
 * because they are how one gets a certificate: {@code Person_requestComputer} (used by
 * {@code slapos node register}) and {@code Person_getCertificate} ({@code slapos configure
 * client}). A single-use token in {@code X-Access-Token} pays for each.
 */
final class RegistrationApi {

    static final String REQUEST_COMPUTER = "Person_requestComputer";
    static final String GET_CERTIFICATE = "Person_getCertificate";
    private static final String TOKEN_HEADER = "X-Access-Token";

    private final Registrations registrations;

    RegistrationApi(Registrations registrations) {
        this.registrations = registrations;
    }

    boolean handles(String name) {
        return REQUEST_COMPUTER.equals(name) || GET_CERTIFICATE.equals(name);
    }

    /** The JSON answer of {@code name}; refusals are {@link RequestError}s. */
    Map<String, Object> call(String name, HttpExchange exchange, Map<String, String> fields) {
        String token = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
        if (token == null && exchange.getRequestHeaders().containsKey("Authorization")) {
            // `slapos node register --login` shows its "use the token" message when it reads this word
            throw new RequestError(
                    501,
                    "NotImplementedError: this master has no accounts, so it does not take a"
                            + " login and password. Use a token instead: the master's operator makes one with"
                            + " 'slapdesk serve token', then run slapos node register NAME --token TOKEN.");
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw new RequestError(405, name + " takes POST with the token in the " + TOKEN_HEADER + " header");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        if (REQUEST_COMPUTER.equals(name)) {
            RegisteredNode node = registrations.registerNode(token, fields.get("title"));
            answer.put("certificate", node.certificate());
            answer.put("key", node.key());
            answer.put("reference", node.reference());
            answer.put("relative_url", HateoasApi.NODE_MODULE + node.reference());
        } else {
            Issued issued = registrations.userCertificate(token);
            answer.put("certificate", issued.certificatePem());
            answer.put("key", issued.privateKeyPem());
        }
        return answer;
    }
}
