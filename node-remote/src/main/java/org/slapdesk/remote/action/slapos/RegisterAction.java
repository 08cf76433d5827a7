package org.slapdesk.remote.action.slapos;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slapdesk.core.config.IniFile;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.NodeAction;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.Preflight;
import org.slapdesk.remote.action.Requirement;
import org.slapdesk.remote.action.Step;
import org.slapdesk.remote.action.Validate;
import org.slapdesk.remote.action.Verification;
import org.slapdesk.remote.file.FileState;
import org.slapdesk.remote.file.RemoteFile;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.Shell;

/**
 * {@code slapos node register NAME --token T --interface-name IF --partition-number N ...}
 * (seed 000, PROTOCOL §6.2): the master gives the node a certificate and slapos writes
 * slapos.cfg, ssl/key and ssl/certificate, moving any previous configuration folder to
 * {@code <folder>.old}. The plan first copies the folder aside so a failure puts it back.
 */
public final class RegisterAction implements NodeAction {

    /** What to register with; defaults as {@code slapos node register} has them. */
    public record Options(
            String nodeName,
            String token,
            String interfaceName,
            int partitionNumber,
            String masterUrl,
            String masterUrlWeb,
            String ipv4LocalNetwork,
            String softwareRoot,
            String instanceRoot,
            boolean createTap) {

        public Options {
            Validate.computerName(nodeName);
            if (token == null || token.isBlank() || token.chars().anyMatch(c -> c <= ' ')) {
                throw new InvalidInputException("the registration token is empty or contains spaces: copy it again"
                        + " from the master's \"Token\" page");
            }
            Validate.interfaceName(interfaceName);
            Validate.partitionCount(partitionNumber);
            url(masterUrl, "master URL");
            url(masterUrlWeb, "master web URL");
            // slapos joins it and "Person_requestComputer" with '/': a trailing '/' would make the
            // path start with "//", which some servers (the local master's among them) cannot route
            masterUrlWeb = masterUrlWeb.replaceAll("/+$", "");
            Validate.ipv4Network(ipv4LocalNetwork);
            Validate.absolutePath(softwareRoot);
            Validate.absolutePath(instanceRoot);
        }

        public static Options of(String nodeName, String token, String interfaceName, int partitionNumber) {
            return new Options(
                    nodeName,
                    token,
                    interfaceName,
                    partitionNumber,
                    "https://slap.vifib.com",
                    "https://panel.rapid.space",
                    "10.0.0.0/16",
                    "/opt/slapgrid",
                    "/srv/slapgrid",
                    false);
        }

        public Options withMaster(String url, String webUrl) {
            return new Options(
                    nodeName,
                    token,
                    interfaceName,
                    partitionNumber,
                    url,
                    webUrl,
                    ipv4LocalNetwork,
                    softwareRoot,
                    instanceRoot,
                    createTap);
        }

        private static void url(String value, String what) {
            try {
                URI uri = new URI(value);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new InvalidInputException(
                            "the " + what + " '" + value + "' must be an http(s) URL with a host");
                }
            } catch (URISyntaxException | NullPointerException e) {
                throw new InvalidInputException("the " + what + " '" + value + "' is not a URL");
            }
        }
    }

    private final SlaposNode slapos;
    private final Options options;

    public RegisterAction(SlaposNode slapos, Options options) {
        this.slapos = slapos;
        this.options = options;
    }

    @Override
    public String title() {
        return "Register node \"" + options.nodeName() + "\" with " + options.masterUrl();
    }

    /** The exact command; the token is in it (a {@link Step.CommandStep#withSecret secret}). */
    public String registerCommand() {
        List<String> args = new ArrayList<>(List.of(
                options.nodeName(),
                "--token",
                options.token(),
                "--interface-name",
                options.interfaceName(),
                "--partition-number",
                Integer.toString(options.partitionNumber()),
                "--master-url",
                options.masterUrl(),
                "--master-url-web",
                options.masterUrlWeb(),
                "--ipv4-local-network",
                options.ipv4LocalNetwork(),
                "--software-root",
                options.softwareRoot(),
                "--instance-root",
                options.instanceRoot()));
        if (options.createTap()) {
            args.add("--create-tap");
        }
        return slapos.command("register", args.toArray(String[]::new));
    }

    private String configDir() {
        String path = slapos.configPath();
        return path.substring(0, path.lastIndexOf('/'));
    }

    @Override
    public Plan plan(NodeConnection node) throws NodeException {
        Preflight.require(node, List.of(Requirement.slapos(slapos.slaposCommand())));
        String dir = configDir();
        String q = Shell.quote(dir);
        boolean configured = new RemoteFile(node).read(slapos.configPath()).exists();
        List<String> notes = new ArrayList<>(
                List.of(
                        "the token is visible in the node's process list while the command runs (slapos takes it only as an argument)"));
        List<Step> steps = new ArrayList<>();
        String aside = dir + ".slapdesk-before-register";
        if (configured) {
            notes.add("slapos moves the current " + dir + " to " + dir + ".old (or .old.N)");
            steps.add(Step.CommandStep.of(
                    "keep a copy of " + dir + " to put back on failure",
                    "rm -rf " + Shell.quote(aside) + " && cp -a " + q + " " + Shell.quote(aside),
                    "rm -rf " + Shell.quote(aside)));
        }
        // undo: delete the .old folder slapos makes (not those there before), put the copy back
        List<String> oldDirs = node.run("ls -d " + q + ".old* 2>/dev/null || true")
                .stdout()
                .lines()
                .filter(l -> !l.isBlank())
                .toList();
        String keep = oldDirs.isEmpty()
                ? ""
                : oldDirs.stream()
                                .map(Shell::quote)
                                .reduce((a, b) -> a + "|" + b)
                                .orElseThrow() + ") ;; ";
        String undoRegister = configured
                ? "for d in " + q + ".old*; do [ -e \"$d\" ] || continue; case \"$d\" in " + keep
                        + "*) rm -rf \"$d\";; esac; done; rm -rf " + q + " && mv " + Shell.quote(aside) + " " + q
                : "rm -rf " + q;
        steps.add(new Step.CommandStep(
                        "register with the master (writes slapos.cfg, ssl/key, ssl/certificate)",
                        registerCommand(),
                        Optional.of(undoRegister),
                        Duration.ofMinutes(3),
                        List.of())
                .withSecret(options.token()));
        if (configured) {
            steps.add(Step.CommandStep.withoutUndo("drop the copy (registered)", "rm -rf " + Shell.quote(aside)));
        }
        return new Plan(title(), node.target().display(), steps, notes);
    }

    @Override
    public Verification verify(NodeConnection node) throws NodeException {
        List<String> problems = new ArrayList<>();
        RemoteFile files = new RemoteFile(node);
        FileState cfg = files.read(slapos.configPath());
        if (!cfg.exists()) {
            return new Verification(List.of(slapos.configPath() + " was not written"));
        }
        IniFile ini = IniFile.parse(cfg.text(), slapos.configPath());
        if (!ini.get(SlaposConfig.SLAPOS, "computer_id").orElse("").startsWith("COMP-")) {
            problems.add("computer_id is not a COMP- reference");
        }
        expect(ini, SlaposConfig.SLAPOS, "master_url", options.masterUrl(), problems);
        expect(ini, SlaposConfig.SLAPFORMAT, "interface_name", options.interfaceName(), problems);
        expect(ini, SlaposConfig.SLAPFORMAT, "partition_amount", Integer.toString(options.partitionNumber()), problems);
        for (String name : List.of("key", "certificate")) {
            FileState f = files.read(configDir() + "/ssl/" + name);
            if (!f.exists()) {
                problems.add(configDir() + "/ssl/" + name + " is missing");
            } else if (!f.mode().equals("600")) {
                problems.add(configDir() + "/ssl/" + name + " has mode " + f.mode() + ", not 600");
            }
        }
        return new Verification(problems);
    }

    private static void expect(IniFile ini, String section, String key, String value, List<String> problems) {
        Optional<String> actual = ini.get(section, key);
        if (!actual.equals(Optional.of(value))) {
            problems.add(key + " is " + actual.orElse("unset") + ", not " + value);
        }
    }
}
