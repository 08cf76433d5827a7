package org.slapdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.slapdesk.master.CertificateIssuer.Issued;
import org.slapdesk.master.CertificateIssuer.Role;
import org.slapdesk.master.tls.CertificateAuthority;
import picocli.CommandLine;

/** Issues a client certificate from the master's CA and prints the config lines that use it. */
@CommandLine.Command(
        name = "issue-user",
        mixinStandardHelpOptions = true,
        description = "Issues a user certificate (for the slapos client and the console) from the master's CA.")
final class ServeIssueUserCommand extends ServeIssueCommand {

    @CommandLine.Option(
            names = "--admin",
            description = "An administrator: sees and changes every user's services (others see only their own).")
    boolean admin;

    @Override
    Issued issue(CertificateAuthority ca) {
        return admin ? ca.issueAdmin(name) : super.issue(ca);
    }

    @Override
    Role role() {
        return Role.USER;
    }

    @Override
    void printConfiguration(PrintWriter out, Path certificate, Path key) {
        out.println("In ~/.slapos/slapos-client.cfg:");
        out.println("  [slapos]");
        out.println("  master_url = " + masterUrl());
        out.println("  master_rest_url = " + masterUrl() + "hateoas/");
        out.println("  [slapconsole]");
        out.println("  cert_file = " + certificate);
        out.println("  key_file = " + key);
    }
}
