package org.slapdesk.cli;

import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLContext;
import org.slapdesk.master.LocalMaster;
import org.slapdesk.master.store.ServerLock;
import org.slapdesk.master.tls.CertificateAuthority;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slapdesk serve}: runs the embedded local SlapOS master on its own. Plain HTTP on
 * loopback by default; any other address needs the master's CA and client certificates.
 */
@Command(
        name = "serve",
        description = "Runs the embedded local SlapOS master on its own.",
        subcommands = {
            ServeCaCommand.class,
            ServeTokenCommand.class,
            ServeIssueNodeCommand.class,
            ServeIssueUserCommand.class
        },
        mixinStandardHelpOptions = true,
        footer = {
            "",
            "Registering a node with this master (ADDR: the address nodes reach it at):",
            "  1. slapdesk serve ca init",
            "  2. slapdesk serve --port 8443 --db master.sqlite --listen ADDR",
            "       (HTTPS with the CA; --tls does the same on loopback)",
            "  3. slapdesk serve token --db master.sqlite --master-url https://ADDR:8443/",
            "       (prints a single-use token, valid 24h, while the master runs)",
            "  4. on the node, as root:",
            "       slapos node register NODE-NAME --token TOKEN",
            "         --master-url https://ADDR:8443/ --master-url-web https://ADDR:8443",
            "         --interface-name eth0 --partition-number 10",
            "     or from here, over SSH:",
            "       slapdesk node register NODE-NAME --host NODE --token TOKEN",
            "         --master-url https://ADDR:8443/ --master-url-web https://ADDR:8443",
            "     (the web URL without a trailing '/': slapos adds /Person_requestComputer)",
            "  5. on the node: slapos node format --now --alter_user=True",
            "The node gets the next free reference COMP-<n> and a certificate from the CA.",
            "A user gets a certificate with a token from",
            "  slapdesk serve token --db master.sqlite --user alice",
            "then: slapos configure client --token TOKEN",
            "  --master-url https://ADDR:8443/ --master-url-web https://ADDR:8443"
        })
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", description = "TCP port to listen on (0 picks a free one).")
    Integer port;

    @Option(names = "--db", description = "The master's SQLite file (created if missing).")
    Path database;

    @Option(
            names = "--listen",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}). Any non-loopback address needs --ca "
                    + "and turns on HTTPS with client certificates.")
    String listen;

    @Option(names = "--tls", description = "HTTPS with client certificates even on loopback.")
    boolean tls;

    @Option(
            names = "--ca",
            description = "The master's CA folder (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:XDG_DATA_HOME:-${sys:user.home}/.local/share}/slapdesk/master-ca")
    Path caDirectory;

    @Option(
            names = "--hostname",
            description = "A DNS name or address clients use to reach the master "
                    + "(written in the server certificate); repeatable.")
    List<String> hostnames = new ArrayList<>();

    @Option(
            names = "--computer-id",
            description = "The node new instances go to when the request names none "
                    + "(default: the first free partition of any node).")
    String defaultComputer;

    @Option(
            names = "--max-body",
            defaultValue = "" + LocalMaster.DEFAULT_MAX_BODY_BYTES,
            description = "Largest request body in bytes (default ${DEFAULT-VALUE}).")
    int maxBody;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port == null || database == null) {
            err.println(
                    "slapdesk serve: --port N and --db FILE are required (e.g. slapdesk serve --port 8080 --db master.sqlite)");
            return 2;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(listen);
        } catch (UnknownHostException e) {
            err.println("slapdesk serve: cannot resolve --listen " + listen);
            return 2;
        }
        boolean https = tls || !address.isLoopbackAddress();
        SSLContext context = null;
        CertificateAuthority ca = null;
        if (https) {
            if (!CertificateAuthority.exists(caDirectory)) {
                err.println(
                        "slapdesk serve: listening on " + listen + " needs client certificates, and there is no CA in "
                                + caDirectory + ". Run 'slapdesk serve ca init --ca " + caDirectory
                                + "' first; nodes then register"
                                + " with tokens from 'slapdesk serve token' (see slapdesk serve --help).");
                return 2;
            }
            ca = CertificateAuthority.load(caDirectory);
            List<String> hosts = new ArrayList<>(hostnames);
            hosts.add("localhost");
            hosts.add("127.0.0.1");
            hosts.add("::1");
            if (!address.isAnyLocalAddress()) {
                hosts.add(address.getHostAddress());
            }
            context = ca.serverContext(hosts);
        }
        LocalMaster master;
        try {
            master = LocalMaster.start(new LocalMaster.Options(
                            database, new InetSocketAddress(address, port), defaultComputer, context, ca, maxBody, 0)
                    .withPublicNames(hostnames));
        } catch (ServerLock.InUse e) {
            err.println("slapdesk serve: " + e.getMessage() + ".");
            return 1;
        } catch (BindException e) {
            err.println("slapdesk serve: port " + port + " on " + listen
                    + " is already in use (another slapdesk serve or another program holds it);"
                    + " stop it, or pick another port with --port N (--port 0 picks a free one).");
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            master.close();
                            stopped.countDown();
                        },
                        "slapdesk-serve-shutdown"));
        out.println("Slapdesk local master ready at " + master.url() + " (database " + database.toAbsolutePath() + ")");
        String url = master.url().toString();
        if (address.isAnyLocalAddress()) {
            String name = hostnames.isEmpty() ? "THIS-MACHINE" : hostnames.get(0);
            url = "https://" + (name.contains(":") ? "[" + name + "]" : name) + ":"
                    + master.url().getPort() + "/";
        }
        out.println("  slapos.cfg / slapos-client.cfg, section [slapos]:");
        out.println("    master_url = " + url);
        out.println("    master_rest_url = " + url + "hateoas/");
        if (https) {
            out.println("  clients need certificates from this master's CA: a node registers with a token from"
                    + " 'slapdesk serve token --db " + database + "' (slapos node register --token), a user runs"
                    + " slapos configure client with one from '... token --user NAME'");
        }
        out.flush();
        stopped.await();
        return 0;
    }
}
