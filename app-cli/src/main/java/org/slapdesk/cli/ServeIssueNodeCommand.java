package org.slapdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.slapdesk.master.CertificateIssuer.Role;
import picocli.CommandLine;

/** Issues a client certificate from the master's CA and prints the config lines that use it. */
@CommandLine.Command(
        name = "issue-node",
        mixinStandardHelpOptions = true,
        description = "Issues a node certificate (CN = the node's computer_id) from the master's CA.")
final class ServeIssueNodeCommand extends ServeIssueCommand {

    @Override
    Role role() {
        return Role.NODE;
    }

    @Override
    void printConfiguration(PrintWriter out, Path certificate, Path key) {
        out.println("In the node's /etc/opt/slapos/slapos.cfg, section [slapos]:");
        out.println("  master_url = " + masterUrl());
        out.println("  computer_id = " + name);
        out.println("  cert_file = " + certificate);
        out.println("  key_file = " + key);
    }
}
