package org.slapdesk.remote.action.re6st;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.NodeAction;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.Step;
import org.slapdesk.remote.action.Validate;
import org.slapdesk.remote.action.Verification;
import org.slapdesk.remote.file.FileChange;
import org.slapdesk.remote.file.FileState;
import org.slapdesk.remote.file.RemoteFile;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.Shell;

/**
 * re6st on a node (seed 003, "Install Re6st on SlapOS Node"): installs the {@code re6st-node}
 * package when the node's package manager offers it, edits {@code /etc/re6stnet/re6stnet.conf}
 * ({@code registry}, and for the first gateway node {@code ip} and {@code gateway}), and
 * restarts the service. Getting the node's certificate from the registry with a token is done
 * by {@code re6st-conf}, run when a token is given and the node has no certificate yet.
 */
public final class Re6stAction implements NodeAction {

    public static final String CONF = "/etc/re6stnet/re6stnet.conf";

    /** What to set: the registry URL, a token (only used to get a certificate), and the gateway's public IPv4. */
    public record Settings(String registry, Optional<String> token, Optional<String> gatewayIp) {
        public Settings {
            URI uri;
            try {
                uri = URI.create(registry);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("'" + registry + "' is not a registry URL, e.g. http://51.159.66.11:9201/");
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new InvalidInputException("the registry URL must be http(s)://HOST[:PORT]/, got '" + registry + "'");
            }
            token.ifPresent(t -> {
                if (t.isBlank() || t.chars().anyMatch(c -> c <= ' ')) {
                    throw new InvalidInputException("the re6st token is empty or contains spaces");
                }
            });
            gatewayIp.ifPresent(Validate::ipv4Address);
        }
    }

    private final Settings settings;

    public Re6stAction(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String title() {
        return "re6st with registry " + settings.registry() + settings.gatewayIp().map(ip -> " (gateway " + ip + ")").orElse("");
    }

    @Override
    public Plan plan(NodeConnection node) throws NodeException {
        List<Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Re6stStatus status = Re6stStatus.read(node);
        if (!status.installed()) {
            String manager = node.run("command -v apt-get >/dev/null && echo apt; command -v dnf >/dev/null && echo dnf; true").stdout();
            boolean offered = manager.contains("apt")
                    && node.run("apt-cache policy re6st-node 2>/dev/null | grep -q 'Candidate: [0-9]'").ok();
            if (!offered) {
                throw new NodeException("re6st is not installed on " + node.target().display() + " and its package manager"
                        + " does not offer re6st-node. Add Nexedi's package repository, or run the installer of seed 003"
                        + " on the node (wget https://deploy.erp5.net/re6st && bash re6st), then retry.");
            }
            steps.add(Step.CommandStep.of("install re6st-node", "DEBIAN_FRONTEND=noninteractive apt-get install -y re6st-node",
                    "DEBIAN_FRONTEND=noninteractive apt-get remove -y re6st-node").withTimeout(java.time.Duration.ofMinutes(15)));
        }
        RemoteFile files = new RemoteFile(node);
        FileState conf = files.read(CONF);
        if (settings.token().isPresent() && !node.run("[ -s /etc/re6stnet/cert.crt ] || [ -s /etc/re6stnet/cert.cert ]").ok()) {
            steps.add(new Step.CommandStep("get this node's certificate from the registry with the token",
                    "cd /etc/re6stnet && " + Shell.command("re6st-conf", "--registry", settings.registry(), "--token",
                            settings.token().get(), "-d", "/etc/re6stnet"),
                    Optional.empty(), java.time.Duration.ofMinutes(2), List.of()).withSecret(settings.token().get()));
        }
        FileChange edit = files.plan(CONF, this::edit);
        if (!edit.isNoOp()) {
            steps.add(new Step.FileStep("re6stnet.conf: registry" + settings.gatewayIp().map(ip -> ", ip and gateway").orElse(""), edit));
        }
        if (!edit.isNoOp() || steps.stream().anyMatch(s -> s instanceof Step.CommandStep)) {
            steps.add(Step.CommandStep.withoutUndo("restart re6stnet", "if command -v systemctl >/dev/null &&"
                    + " [ -d /run/systemd/system ]; then systemctl restart re6stnet; else service re6stnet restart; fi"));
        }
        if (!conf.exists()) {
            notes.add(CONF + " does not exist yet: it is created with only these lines");
        }
        return new Plan(title(), node.target().display(), steps, notes);
    }

    String edit(String text) {
        String out = Re6stConf.set(text, "registry", settings.registry());
        if (settings.gatewayIp().isPresent()) {
            out = Re6stConf.set(out, "ip", settings.gatewayIp().get());
            out = Re6stConf.set(out, "gateway", "");
        }
        return out;
    }

    @Override
    public Verification verify(NodeConnection node) throws NodeException {
        String text = new RemoteFile(node).read(CONF).text();
        List<String> problems = new ArrayList<>();
        if (!Re6stConf.get(text, "registry").equals(Optional.of(settings.registry()))) {
            problems.add("re6stnet.conf has no 'registry " + settings.registry() + "'");
        }
        if (settings.gatewayIp().isPresent() && Re6stConf.get(text, "gateway").isEmpty()) {
            problems.add("re6stnet.conf has no 'gateway' line");
        }
        Re6stStatus status = Re6stStatus.read(node);
        if (!status.active()) {
            problems.add("the re6stnet service is not running: " + status.summary());
        }
        return new Verification(problems);
    }
}
