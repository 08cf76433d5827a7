package org.slapdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slapdesk.master.CertificateIssuer.Issued;
import org.slapdesk.master.CertificateIssuer.Role;
import org.slapdesk.master.tls.CertificateAuthority;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Issues a client certificate from the master's CA and prints the config lines that use it. */
abstract class ServeIssueCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", description = "The node reference (its computer_id) or the user name.")
    String name;

    @Option(
            names = "--ca",
            description = "The CA folder (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:XDG_DATA_HOME:-${sys:user.home}/.local/share}/slapdesk/master-ca")
    Path caDirectory;

    @Option(names = "--out", defaultValue = ".", description = "Folder for NAME.crt and NAME.key (default: here).")
    Path out;

    @Option(
            names = "--master-url",
            defaultValue = "https://MASTER-ADDRESS:PORT/",
            description = "The master's URL, for the printed configuration lines.")
    String masterUrl;

    @Option(
            names = "--again",
            description = "Issue a new certificate for a name this CA already issued one to (the same machine,"
                    + " re-keyed): without it such a name is refused, so two machines never share an identity.")
    boolean again;

    abstract Role role();

    abstract void printConfiguration(PrintWriter out, Path certificate, Path key);

    Issued issue(CertificateAuthority ca) {
        return ca.issue(role(), name);
    }

    @Override
    public Integer call() throws Exception {
        if (!name.matches("[A-Za-z0-9._@-]+")) {
            spec.commandLine()
                    .getErr()
                    .println("slapdesk serve: '" + name
                            + "' is not a valid name (letters, digits, '.', '_', '@' and '-')");
            return 2;
        }
        CertificateAuthority ca = CertificateAuthority.load(caDirectory);
        if (!again && ca.issuedNames(role()).contains(name)) {
            spec.commandLine()
                    .getErr()
                    .println("slapdesk serve: this CA already issued a certificate to '" + name
                            + "' (by hand or to a registered node); a second machine under the same name would"
                            + " share its identity. Pick another name, or add --again to re-key that same machine.");
            return 1;
        }
        Files.createDirectories(out);
        Path certificate = out.resolve(name + ".crt").toAbsolutePath();
        Path key = out.resolve(name + ".key").toAbsolutePath();
        Issued issued = issue(ca);
        CertificateAuthority.write(issued, certificate, key);
        PrintWriter printer = spec.commandLine().getOut();
        printer.println("Wrote " + certificate + " and " + key + " (mode 0600).");
        printConfiguration(printer, certificate, key);
        return 0;
    }

    String masterUrl() {
        return masterUrl.endsWith("/") ? masterUrl : masterUrl + "/";
    }
}
