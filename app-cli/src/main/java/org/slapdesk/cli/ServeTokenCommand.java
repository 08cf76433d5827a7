package org.slapdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slapdesk.master.AccessTokens;
import org.slapdesk.master.NodeRegisterLine;
import org.slapdesk.master.UserNames;
import org.slapdesk.master.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slapdesk serve token}: a single-use token for {@code slapos node register} (or, with
 * {@code --user}, for {@code slapos configure client}). Printed once; the master's database
 * keeps only its hash. Works while {@code slapdesk serve} runs on the same file.
 */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Prints a new single-use token: for registering a node (slapos node register --token), or"
                + " with --user for a user certificate (slapos configure client --token). Shown once; the master"
                + " keeps only its SHA-256.")
public final class ServeTokenCommand implements Callable<Integer> {

    private static final Pattern VALIDITY = Pattern.compile("([1-9][0-9]{0,5})([smhd])");

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--db",
            required = true,
            paramLabel = "FILE",
            description = "The master's SQLite file (the --db of slapdesk serve; it may be running).")
    Path database;

    @Option(
            names = "--user",
            paramLabel = "NAME",
            description =
                    "Make a token for a user certificate with this name (slapos configure client), not for a node.")
    String user;

    @Option(
            names = "--valid",
            defaultValue = "24h",
            paramLabel = "DURATION",
            description = "How long the token can be used: a number and s, m, h or d (default: ${DEFAULT-VALUE}).")
    String valid;

    @Option(
            names = "--master-url",
            defaultValue = "https://MASTER-ADDRESS:PORT/",
            description = "The master's URL, for the printed command lines.")
    String masterUrl;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Matcher m = VALIDITY.matcher(valid.trim());
        if (!m.matches()) {
            err.println("slapdesk serve token: --valid " + valid + " is not a duration: write e.g. 30m, 24h or 7d");
            return 2;
        }
        Duration validity = Duration.of(
                Long.parseLong(m.group(1)),
                switch (m.group(2)) {
                    case "s" -> ChronoUnit.SECONDS;
                    case "m" -> ChronoUnit.MINUTES;
                    case "h" -> ChronoUnit.HOURS;
                    default -> ChronoUnit.DAYS;
                });
        if (user != null && !user.matches(UserNames.PATTERN)) {
            err.println("slapdesk serve token: '" + user + "' is not a valid user name (1 to 64 letters, digits,"
                    + " '.', '_', '@' and '-')");
            return 2;
        }
        if (!Files.isRegularFile(database)) {
            err.println("slapdesk serve token: there is no master database at " + database
                    + ": give the --db file slapdesk serve uses");
            return 2;
        }
        String token;
        try (Database db = Database.open(database)) {
            AccessTokens tokens = new AccessTokens(db, Clock.systemUTC());
            token = user == null
                    ? tokens.create(AccessTokens.Kind.NODE, null, validity)
                    : tokens.create(AccessTokens.Kind.USER, user, validity);
        } catch (SQLException e) {
            err.println("slapdesk serve token: cannot use the master database " + database + ": " + e.getMessage());
            return 1;
        }
        printUsage(
                spec.commandLine().getOut(), token, Instant.now().plus(validity).truncatedTo(ChronoUnit.SECONDS));
        return 0;
    }

    private void printUsage(PrintWriter out, String token, Instant expires) {
        NodeRegisterLine register = new NodeRegisterLine(masterUrl, token);
        String url = register.masterUrl();
        String web = register.webUrl();
        out.println(token);
        out.println();
        out.println("Single use, valid until " + expires + ". It is shown only now.");
        if (user == null) {
            out.println("On the node, as root:");
            out.println("  " + register.slaposCommand());
            out.println("  slapos node format --now --alter_user=True");
            out.println("or from this console: " + register.slapdeskCommand());
        } else {
            out.println("For user " + user + ":");
            out.println(
                    "  slapos configure client --token " + token + " --master-url " + url + " --master-url-web " + web);
        }
        out.flush();
    }
}
