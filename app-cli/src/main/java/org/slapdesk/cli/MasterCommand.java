package org.slapdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code slapdesk master}: Talks to a SlapOS master: nodes, services, supply, remove, request. */
@Command(name = "master", description = "Talks to a SlapOS master: nodes, services, supply, remove, request.")
public final class MasterCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
