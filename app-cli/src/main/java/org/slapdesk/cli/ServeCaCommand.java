package org.slapdesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slapdesk.master.tls.CertificateAuthority;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slapdesk serve ca init}: makes the master's certificate authority. */
@Command(
        name = "ca",
        description = "Manages the local master's certificate authority.",
        mixinStandardHelpOptions = true)
public final class ServeCaCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", description = "init: make a new CA (refuses to replace one).")
    String action;

    @Option(
            names = "--ca",
            description = "The CA folder (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:XDG_DATA_HOME:-${sys:user.home}/.local/share}/slapdesk/master-ca")
    Path caDirectory;

    @Option(names = "--name", defaultValue = CertificateAuthority.DEFAULT_NAME, description = "The CA's common name.")
    String name;

    @Override
    public Integer call() throws Exception {
        if (!"init".equals(action)) {
            spec.commandLine().getErr().println("slapdesk serve ca: unknown action '" + action + "' (use: init)");
            return 2;
        }
        if (CertificateAuthority.exists(caDirectory)) {
            spec.commandLine()
                    .getErr()
                    .println("slapdesk serve ca init: a CA already exists in " + caDirectory
                            + "; remove that folder to start over (certificates it issued stop working)");
            return 1;
        }
        CertificateAuthority.init(caDirectory, name);
        spec.commandLine().getOut().println("CA created in " + caDirectory + " (ca.crt, ca.key mode 0600)");
        return 0;
    }
}
