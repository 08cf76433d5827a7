package org.slapdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.core.master.MasterException;
import org.slapdesk.core.master.Retry;
import org.slapdesk.core.master.SlapMaster;
import org.slapdesk.core.model.AccessStatus;
import org.slapdesk.core.model.ComputeNode;
import org.slapdesk.core.model.ComputeNodeDetail;
import org.slapdesk.core.model.ComputePartition;
import org.slapdesk.core.model.InstanceRequest;
import org.slapdesk.core.model.InstanceTree;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.model.ServiceDetail;
import org.slapdesk.core.model.SoftwareInstallation;
import org.slapdesk.core.model.SoftwareInstance;
import org.slapdesk.core.wire.MarshalException;
import org.slapdesk.core.wire.SoftwareReleaseSchema;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slapdesk master}: talks to a SlapOS master like the {@code slapos} client does:
 * nodes, services, supply, remove, request.
 */
@Command(
        name = "master",
        exitCodeOnInvalidInput = 1,
        mixinStandardHelpOptions = true,
        description = "Talks to a SlapOS master: nodes, services, supply, remove, request.",
        subcommands = {
            MasterCommand.Nodes.class,
            MasterCommand.Node.class,
            MasterCommand.Services.class,
            MasterCommand.Service.class,
            MasterCommand.Supply.class,
            MasterCommand.Remove.class,
            MasterCommand.Request.class
        })
public final class MasterCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(
            name = "nodes",
            exitCodeOnInvalidInput = 1,
            mixinStandardHelpOptions = true,
            description = "Lists the nodes (compute nodes) of the master (slapos computer list).")
    static final class Nodes extends MasterAction {
        @Override
        void run(SlapMaster master, PrintWriter out) throws MasterException, IOException, InterruptedException {
            List<ComputeNode> nodes = FleetListing.nodes(master);
            if (json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (ComputeNode n : nodes) {
                    rows.add(ordered("reference", n.reference(), "title", n.title()));
                }
                printJson(out, rows);
                return;
            }
            TextTable table = new TextTable("REFERENCE", "TITLE");
            nodes.forEach(n -> table.row(n.reference(), n.title()));
            table.print(out);
        }
    }

    @Command(
            name = "node",
            exitCodeOnInvalidInput = 1,
            mixinStandardHelpOptions = true,
            description = "Shows a node: its partitions and the software supplied to it.")
    static final class Node extends MasterAction {
        @Parameters(index = "0", paramLabel = "REFERENCE", description = "the node reference, e.g. COMP-1234")
        String reference;

        @Override
        void run(SlapMaster master, PrintWriter out) throws MasterException, IOException {
            ComputeNodeDetail detail = master.node(reference);
            if (json) {
                List<Map<String, Object>> partitions = new ArrayList<>();
                for (ComputePartition p : detail.partitions()) {
                    partitions.add(ordered(
                            "reference",
                            p.reference(),
                            "state",
                            lower(p.state().name()),
                            "instance",
                            p.instanceTitle().orElse(null),
                            "software-url",
                            p.softwareReleaseUrl().orElse(null),
                            "requested-state",
                            p.requestedState().map(RequestedState::wireName).orElse(null),
                            "status",
                            p.status().map(AccessStatus::text).orElse(null)));
                }
                List<Map<String, Object>> software = new ArrayList<>();
                for (SoftwareInstallation s : detail.software()) {
                    software.add(ordered(
                            "software-url",
                            s.softwareReleaseUrl(),
                            "requested-state",
                            s.requestedState(),
                            "status",
                            s.status().map(AccessStatus::text).orElse(null)));
                }
                printJson(
                        out,
                        ordered(
                                "reference",
                                detail.node().reference(),
                                "partitions",
                                partitions,
                                "software",
                                software));
                return;
            }
            out.println("Node " + detail.node().reference());
            out.println();
            TextTable partitions = new TextTable("PARTITION", "STATE", "INSTANCE", "REQUESTED", "SOFTWARE");
            detail.partitions()
                    .forEach(p -> partitions.row(
                            p.reference(),
                            lower(p.state().name()),
                            p.instanceTitle().orElse("-"),
                            p.requestedState().map(RequestedState::wireName).orElse("-"),
                            p.softwareReleaseUrl().orElse("-")));
            partitions.print(out);
            out.println();
            TextTable software = new TextTable("SOFTWARE", "REQUESTED");
            detail.software().forEach(s -> software.row(s.softwareReleaseUrl(), s.requestedState()));
            if (software.isEmpty()) {
                out.println("No software supplied.");
            } else {
                software.print(out);
            }
        }
    }

    @Command(
            name = "services",
            exitCodeOnInvalidInput = 1,
            mixinStandardHelpOptions = true,
            description = "Lists the services (instance trees) (slapos service list).")
    static final class Services extends MasterAction {
        @Override
        void run(SlapMaster master, PrintWriter out) throws MasterException, IOException, InterruptedException {
            List<InstanceTree> services = FleetListing.services(master);
            if (json) {
                Map<String, Object> byTitle = new LinkedHashMap<>();
                services.forEach(s -> byTitle.put(s.title(), s.softwareReleaseUrl()));
                printJson(out, byTitle);
                return;
            }
            TextTable table = new TextTable("TITLE", "SOFTWARE");
            services.forEach(s -> table.row(s.title(), s.softwareReleaseUrl()));
            table.print(out);
        }
    }

    @Command(
            name = "service",
            exitCodeOnInvalidInput = 1,
            mixinStandardHelpOptions = true,
            description =
                    "Shows a service: release, type, state, parameters, connection parameters (slapos service info).")
    static final class Service extends MasterAction {
        @Parameters(index = "0", paramLabel = "TITLE", description = "the service title")
        String title;

        @Override
        void run(SlapMaster master, PrintWriter out) throws MasterException, IOException {
            ServiceDetail detail = master.service(title);
            SoftwareInstance root = detail.instances().get(0);
            if (json) {
                printJson(out, describe(root));
                return;
            }
            printInstance(root, out);
        }
    }

    @Command(
            name = "supply",
            exitCodeOnInvalidInput = 1,
            mixinStandardHelpOptions = true,
            description = "Asks a node to install a software release (slapos supply).")
    static final class Supply extends MasterAction {
        @Parameters(index = "0", paramLabel = "URL", description = "the software release URL")
        String url;

        @Parameters(index = "1", paramLabel = "NODE", description = "the node reference")
        String node;

        @Override
        void run(SlapMaster master, PrintWriter out) throws MasterException, IOException {
            master.supply(url, node);
            if (json) {
                printJson(out, ordered("software-url", url, "node", node, "requested-state", "available"));
            } else {
                out.println("Supplied " + url + " to " + node + ".");
            }
        }
    }

    @Command(
            name = "remove",
            exitCodeOnInvalidInput = 1,
            mixinStandardHelpOptions = true,
            description = "Asks a node to remove a software release (slapos remove).")
    static final class Remove extends MasterAction {
        @Parameters(index = "0", paramLabel = "URL", description = "the software release URL")
        String url;

        @Parameters(index = "1", paramLabel = "NODE", description = "the node reference")
        String node;

        @Override
        void run(SlapMaster master, PrintWriter out) throws MasterException, IOException {
            master.remove(url, node);
            if (json) {
                printJson(out, ordered("software-url", url, "node", node, "requested-state", "destroyed"));
            } else {
                out.println("Requested the removal of " + url + " from " + node + ".");
            }
        }
    }

    @Command(
            name = "request",
            exitCodeOnInvalidInput = 1,
            mixinStandardHelpOptions = true,
            description = "Requests an instance, or changes one (slapos request); exit code 2 while it is not ready.")
    static final class Request extends MasterAction {
        @Parameters(index = "0", paramLabel = "TITLE", description = "the service title")
        String title;

        @Parameters(index = "1", paramLabel = "URL", description = "the software release URL")
        String url;

        @Option(names = "--type", paramLabel = "TYPE", description = "software type (default: default)")
        String type;

        @Option(
                names = "--node",
                arity = "1..*",
                paramLabel = "KEY=VALUE",
                description = "SLA, e.g. computer_guid=COMP-1234")
        List<String> sla = new ArrayList<>();

        @Option(names = "--slave", description = "request a shared (slave) instance")
        boolean shared;

        @Option(
                names = "--state",
                paramLabel = "STATE",
                description = "started, stopped or destroyed (default: started)")
        String state;

        @ArgGroup(exclusive = true)
        ParametersSource parameters;

        @Option(
                names = "--force-serialisation",
                paramLabel = "FORM",
                description = "xml (default) or json-in-xml: send the parameters as one JSON string under '_'")
        String serialisation;

        @Option(
                names = "--wait",
                description = "while the master says not ready, retry with backoff instead of exiting with 2")
        boolean waitForAllocation;

        static final class ParametersSource {
            @Option(
                    names = "--parameters",
                    arity = "1..*",
                    paramLabel = "KEY=VALUE",
                    description = "instance parameters")
            List<String> pairs;

            @Option(
                    names = "--parameters-file",
                    paramLabel = "FILE",
                    description = "instance parameters from a .json or .xml file")
            Path file;
        }

        @Override
        void run(SlapMaster master, PrintWriter out) throws MasterException, IOException, InterruptedException {
            Map<String, Object> values = parameters == null
                    ? Map.of()
                    : parameters.file != null
                            ? ParameterInput.file(parameters.file)
                            : ParameterInput.pairs(parameters.pairs, "--parameters");
            Map<String, String> slaMap = new LinkedHashMap<>();
            ParameterInput.pairs(sla, "--node").forEach((k, v) -> slaMap.put(k, String.valueOf(v)));
            boolean jsonInXml =
                    switch (serialisation == null ? declaredSerialisation(master) : serialisation) {
                        case "xml" -> false;
                        case "json-in-xml" -> true;
                        default ->
                            throw new IllegalArgumentException(
                                    "--force-serialisation is xml or json-in-xml, not '" + serialisation + "'");
                    };
            RequestedState requested = state == null ? RequestedState.STARTED : RequestedState.fromWire(state);
            if (requested != RequestedState.DESTROYED && isDestroyed(master, title)) {
                throw new IllegalStateException("the service '" + title + "' is destroyed: it cannot be "
                        + requested.wireName() + " again; request a new service under another title");
            }
            InstanceRequest request =
                    new InstanceRequest(title, url, type, values, jsonInXml, slaMap, shared, requested);
            SoftwareInstance instance = waitForAllocation
                    ? Retry.withDefaults()
                            .call(() -> master.request(request), CancellationToken.none(), w -> spec.commandLine()
                                    .getErr()
                                    .println("Not ready yet; asking again in "
                                            + w.nextDelay().toSeconds() + " s (attempt " + w.attempt() + ")."))
                    : master.request(request);
            if (json) {
                printJson(out, describe(instance));
                return;
            }
            out.println("Requested " + title + ".");
            printInstance(instance, out);
        }

        /** Whether the service exists and was asked to be destroyed: a destroyed service stays destroyed. */
        private static boolean isDestroyed(SlapMaster master, String title) throws MasterException {
            try {
                return master.service(title)
                        .tree()
                        .requestedState()
                        .filter(RequestedState.DESTROYED::equals)
                        .isPresent();
            } catch (MasterException.NotFound newService) {
                return false;
            }
        }

        /**
         * As the slapos client: a JSON parameters file follows the release's declared serialisation
         * ({@code <url>.json}); an XML file and {@code --parameters} pairs are sent as they are.
         */
        private String declaredSerialisation(SlapMaster master) throws MasterException {
            if (parameters == null
                    || parameters.file == null
                    || parameters.file.toString().toLowerCase(Locale.ROOT).endsWith(".xml")) {
                return "xml";
            }
            SoftwareReleaseSchema schema = master.releaseSchemas().softwareReleaseSchema(url, type);
            try {
                return schema.strictSerialisation().wireName();
            } catch (MarshalException undeclared) {
                return "xml";
            }
        }
    }

    // ------------------------------------------------------------------ shared output

    static Map<String, Object> describe(SoftwareInstance i) {
        return ordered(
                "title",
                i.title(),
                "software-url",
                i.softwareReleaseUrl(),
                "software-type",
                i.softwareType(),
                "shared",
                i.shared(),
                "requested-state",
                i.requestedState().wireName(),
                "node",
                i.computeNodeReference().orElse(null),
                "partition",
                i.partitionReference().orElse(null),
                "instance-guid",
                i.instanceGuid().orElse(null),
                "instance-parameters",
                new LinkedHashMap<>(i.parameters()),
                "connection-parameters",
                new LinkedHashMap<>(i.connectionParameters()),
                "status",
                i.status().map(AccessStatus::text).orElse(null));
    }

    static void printInstance(SoftwareInstance i, PrintWriter out) {
        out.println("Title:           " + i.title());
        out.println("Software:        " + i.softwareReleaseUrl());
        out.println("Software type:   " + i.softwareType());
        out.println("Shared:          " + (i.shared() ? "yes" : "no"));
        out.println("Requested state: " + i.requestedState().wireName());
        out.println("Node:            " + i.computeNodeReference().orElse("-")
                + i.partitionReference().map(p -> " (" + p + ")").orElse(""));
        i.status().ifPresent(s -> out.println("Status:          " + s.text()));
        printMap("Parameters", i.parameters(), out);
        printMap("Connection parameters", i.connectionParameters(), out);
        out.flush();
    }

    private static void printMap(String name, Map<String, String> values, PrintWriter out) {
        if (values.isEmpty()) {
            out.println(name + ": none");
            return;
        }
        out.println(name + ":");
        TextTable table = new TextTable("  KEY", "VALUE");
        new TreeMap<>(values).forEach((k, v) -> table.row("  " + k, v));
        table.print(out);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
