package org.slapdesk.master.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.slapdesk.core.wire.MarshalException;
import org.slapdesk.master.MasterService;
import org.slapdesk.master.RequestError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each request to its API: {@code /slapos.*} to JSON-RPC, {@code /hateoas/…} to HATEOAS,
 * any other {@code /<name>} to SLAP. Refusals become 4xx with a one-line message; a bug
 * becomes a 500, never a hung connection, whose cause is left for the server's log line.
 */
public final class Router implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    /** Where {@code slapos computer token} asks for a node registration token (root's self link + this). */
    private static final String COMPUTER_TOKEN = "hateoas/computer_module/Base_getComputerToken";

    /**
     * Where the real master serves its JSON-RPC API under its ERP5 site; the same methods are
     * answered here too, so a profile set up for the real master's layout works against this one.
     */
    public static final String MASTER_API_PREFIX = "portal_web_services/slapos_master_api/";

    /** The exchange attribute where a refusal's reason is left for the server's log line. */
    public static final String REFUSAL_REASON = "slapdesk.refusal";

    /** The exchange attribute where the cause of a 500 is left for the server's log line. */
    public static final String INTERNAL_ERROR = "slapdesk.internal-error";

    private final MasterService master;
    private final SlapApi slap;
    private final RegistrationApi registration;
    private final HateoasApi hateoas;
    private final JsonRpcApi jsonRpc;
    private final ObjectMapper json = new ObjectMapper();
    private final int maxBodyBytes;
    private final String fallbackBase;
    private final HostGuard hostGuard;

    public Router(MasterService master, int maxBodyBytes, String fallbackBase, HostGuard hostGuard) {
        this.master = master;
        this.slap = new SlapApi(master);
        this.registration = new RegistrationApi(master.registrations());
        this.hateoas = new HateoasApi(master.queries());
        this.jsonRpc = new JsonRpcApi(master, json);
        this.maxBodyBytes = maxBodyBytes;
        this.fallbackBase = fallbackBase;
        this.hostGuard = hostGuard;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath();
        name = name.startsWith("/") ? name.substring(1) : name;
        try {
            if (!admitted(exchange)) {
                return;
            }
            if (name.startsWith(MASTER_API_PREFIX + "slapos.")) {
                handleJsonRpc(exchange, name.substring(MASTER_API_PREFIX.length()));
            } else if (name.startsWith("slapos.")) {
                handleJsonRpc(exchange, name);
            } else {
                handleOther(exchange, name);
            }
        } catch (IOException e) {
            LOG.debug("connection lost while answering {}: {}", name, e.toString());
        } catch (RuntimeException | Error e) {
            exchange.setAttribute(INTERNAL_ERROR, e);
            try {
                HttpIo.text(exchange, 500, "internal error in the local master (see its log)");
            } catch (IOException | RuntimeException ignored) {
                // the client is gone
            }
        } finally {
            exchange.close();
        }
    }

    /** Whether the request is for this master (Host) and not from a foreign web page (Origin); answers if not. */
    private boolean admitted(HttpExchange exchange) throws IOException {
        try {
            hostGuard.check(
                    exchange.getRequestHeaders().getFirst("Host"),
                    exchange.getRequestHeaders().getFirst("Origin"));
            return true;
        } catch (RequestError e) {
            refuse(exchange, e.status(), e.getMessage());
            return false;
        }
    }

    private void handleOther(HttpExchange exchange, String name) throws IOException {
        try {
            checkMethod(exchange);
            if (name.isEmpty()) {
                HttpIo.text(exchange, 200, rootPage(exchange));
                return;
            }
            if (registration.handles(name)) {
                // no certificate needed: these are how a caller gets one, paid by a token
                Map<String, String> fields = HttpIo.parameters(exchange, maxBodyBytes);
                HttpIo.send(
                        exchange,
                        200,
                        "application/json",
                        json.writeValueAsBytes(registration.call(name, exchange, fields)));
                return;
            }
            Caller caller = caller(exchange);
            String base = HttpIo.baseUrl(exchange, fallbackBase);
            if (name.equals("hateoas") || name.startsWith("hateoas/")) {
                handleHateoas(exchange, name, caller, base);
            } else if (slap.handles(name)) {
                Map<String, String> fields = HttpIo.parameters(exchange, maxBodyBytes);
                SlapApi.Answer answer = slap.call(name, exchange, caller, fields, base);
                if (answer.xml()) {
                    HttpIo.xml(exchange, answer.body());
                } else {
                    HttpIo.text(exchange, 200, answer.body());
                }
            } else {
                throw RequestError.notFound("no endpoint '" + name + "' on this master");
            }
        } catch (RequestError e) {
            refuse(exchange, e.status(), e.getMessage());
        } catch (MarshalException e) {
            refuse(exchange, 400, "malformed marshalled XML: " + e.getMessage());
        }
    }

    /**
     * The master's home page. With a login and password (which this master has no accounts to
     * check), it says "Logout" as a signed-in SlapOS master page does, so that
     * {@code slapos node register --login} goes on to {@code Person_requestComputer} and prints
     * its "use the token" message instead of asking for the password again and again.
     */
    private static String rootPage(HttpExchange exchange) {
        String page = "Slapdesk local master: a SlapOS master (SLAP, JSON-RPC and HATEOAS)\n";
        if (exchange.getRequestHeaders().containsKey("Authorization")) {
            page += "This master has no accounts (no Logout, no password): register nodes with a token"
                    + " from 'slapdesk serve token'.\n";
        }
        return page;
    }

    private void handleHateoas(HttpExchange exchange, String name, Caller caller, String base) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            throw new RequestError(405, "HATEOAS documents are read with GET");
        }
        caller.requireUser("the HATEOAS API");
        Map<String, String> query = HttpIo.parameters(exchange, maxBodyBytes);
        String path = name.replaceAll("/{2,}", "/");
        Object document =
                switch (path) {
                    case "hateoas", "hateoas/" -> hateoas.root(base);
                    case COMPUTER_TOKEN ->
                        Map.of("access_token", master.registrations().newNodeToken(caller.name()));
                    case "hateoas/search" -> hateoas.search(query.get("query"), visibleTo(caller));
                    case "hateoas/traverse" -> hateoas.traverse(query.get("relative_url"), visibleTo(caller));
                    default -> throw RequestError.notFound("no HATEOAS document at /" + name);
                };
        HttpIo.send(exchange, 200, "application/hal+json", json.writeValueAsBytes(document));
    }

    private void handleJsonRpc(HttpExchange exchange, String name) throws IOException {
        int status = 200;
        Object answer;
        try {
            checkMethod(exchange);
            if (!jsonRpc.handles(name)) {
                throw RequestError.notFound(name + " is not part of the API");
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                throw new RequestError(405, "JSON-RPC methods take POST");
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                throw new RequestError(415, "JSON-RPC takes an application/json body, not " + type);
            }
            Caller caller = caller(exchange);
            byte[] body = HttpIo.body(exchange, maxBodyBytes);
            answer = jsonRpc.call(name, body, caller, HttpIo.baseUrl(exchange, fallbackBase));
        } catch (RequestError e) {
            drain(exchange);
            status = e.status();
            answer = JsonRpcApi.error(status, oneLine(e.getMessage()));
            exchange.setAttribute(REFUSAL_REASON, oneLine(e.getMessage()));
        }
        HttpIo.send(exchange, status, "application/json", json.writeValueAsBytes(answer));
    }

    private void refuse(HttpExchange exchange, int status, String message) throws IOException {
        drain(exchange);
        String line = oneLine(message);
        exchange.setAttribute(REFUSAL_REASON, line);
        if (status == 405) {
            exchange.getResponseHeaders().set("Allow", name(exchange).isEmpty() ? "GET, HEAD" : "GET, HEAD, POST");
        }
        HttpIo.text(exchange, status, line);
    }

    private static String name(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** GET, HEAD and POST are all the SlapOS protocols use; the home page is only read. */
    private static void checkMethod(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        if (!read && !("POST".equals(method) && !name(exchange).isEmpty())) {
            throw new RequestError(405, method + " is not allowed on /" + name(exchange));
        }
    }

    private Predicate<String> visibleTo(Caller caller) {
        return title -> master.treeOwners().visible(caller.name(), caller.admin(), title);
    }

    /** The caller by its certificate, refused if that certificate was revoked. */
    private Caller caller(HttpExchange exchange) {
        Caller caller = Caller.of(exchange);
        if (caller.authenticated() && master.isRevoked(caller.serial())) {
            throw RequestError.forbidden("this certificate (serial " + caller.serial() + ") was revoked: "
                    + caller.name() + " needs a new one");
        }
        return caller;
    }

    /** Reads what is left of a refused body (bounded), so the client sees our answer, not a reset. */
    private void drain(HttpExchange exchange) {
        // read(), not skip(): the JDK's body stream inherits FilterInputStream.skip, which skips
        // on the raw socket past the end of this request and blocks.
        byte[] buffer = new byte[8192];
        long left = maxBodyBytes;
        try {
            InputStream in = exchange.getRequestBody();
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= n;
            }
        } catch (IOException | RuntimeException ignored) {
            // nothing more to read
        }
    }

    private static String oneLine(String s) {
        String line = s == null ? "" : s.replaceAll("\\s+", " ").trim();
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return bytes.length > 2000 ? new String(bytes, 0, 2000, StandardCharsets.UTF_8) : line;
    }
}
