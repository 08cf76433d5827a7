package org.slapdesk.remote.action.re6st;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.NodeAction;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.Preflight;
import org.slapdesk.remote.action.Requirement;
import org.slapdesk.remote.action.Step;
import org.slapdesk.remote.action.Verification;
import org.slapdesk.remote.file.FileChange;
import org.slapdesk.remote.file.FileState;
import org.slapdesk.remote.file.RemoteFile;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.Shell;

/**
 * Configures re6st on a node (seed 003): edits {@code re6stnet.conf} ({@code registry},
 * {@code ip}, {@code gateway}; every other line kept, a dated backup made), exchanges a
 * registry token for the node's certificate with {@code re6st-conf --registry URL --token T
 * -d DIR} (the token is a secret: masked in the plan, logs and errors), and restarts the
 * service if asked. A failure puts the configuration folder back as it was.
 */
public final class Re6stConfigAction implements NodeAction {

    private final Re6stSettings settings;

    public Re6stConfigAction(Re6stSettings settings) {
        if (settings.registry().isEmpty()
                && settings.ip().isEmpty()
                && settings.gateway().isEmpty()
                && settings.token().isEmpty()
                && !settings.restart()) {
            throw new InvalidInputException(
                    "nothing to change: give a registry URL, a token, an ip, --gateway or a restart");
        }
        this.settings = settings;
    }

    @Override
    public String title() {
        return "re6st configuration in " + settings.configDir();
    }

    /** {@code re6st-conf --registry URL --token TOKEN -d DIR}; the token is marked secret in the plan. */
    public String re6stConfCommand() {
        return Shell.command(
                "re6st-conf",
                "--registry",
                settings.registry().orElseThrow(),
                "--token",
                settings.token().orElseThrow(),
                "-d",
                settings.configDir());
    }

    @Override
    public Plan plan(NodeConnection node) throws NodeException {
        if (settings.token().isPresent()) {
            // the certificate exchange is the plan's late step: without re6st-conf it would fail after the edit
            Preflight.require(node, List.of(Requirement.RE6ST_CONF));
        }
        RemoteFile files = new RemoteFile(node);
        FileState before = files.read(settings.confPath());
        FileChange change = files.planContent(settings.confPath(), edited(before), "644");
        String dir = Shell.quote(settings.configDir());
        String aside = Shell.quote(settings.configDir() + ".slapdesk-before-re6st-conf");
        boolean dirExists = node.run("[ -d " + dir + " ]").ok();
        List<Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (settings.token().isPresent()) {
            // re6st-conf may fail after writing part of the folder: the first step's undo puts
            // the whole folder back (a failed step's own undo is not run)
            steps.add(
                    dirExists
                            ? Step.CommandStep.of(
                                    "keep a copy of " + settings.configDir() + " to put back on failure",
                                    "rm -rf " + aside + " && cp -a " + dir + " " + aside,
                                    "if [ -d " + aside + " ]; then rm -rf " + dir + " && mv " + aside + " " + dir
                                            + "; fi")
                            : Step.CommandStep.of(
                                    "create " + settings.configDir(), "mkdir -p " + dir, "rm -rf " + dir));
        }
        if (!change.isNoOp()) {
            steps.add(new Step.FileStep("edit " + settings.confPath(), change));
        }
        if (settings.token().isPresent()) {
            steps.add(new Step.CommandStep(
                            "get the node's certificate from the registry with the token",
                            re6stConfCommand(),
                            Optional.empty(),
                            Duration.ofMinutes(3),
                            List.of())
                    .withSecret(settings.token().get()));
            notes.add(
                    "re6st-conf takes the token only as an argument: it is visible in the node's process list while it runs");
        }
        if (settings.restart()) {
            steps.add(Step.CommandStep.withoutUndo("restart re6stnet", restartCommand()));
        } else if (!steps.isEmpty()) {
            notes.add("re6stnet reads its configuration when it starts: restart it (service re6stnet restart)");
        }
        if (settings.token().isPresent() && dirExists) {
            steps.add(Step.CommandStep.withoutUndo("drop the copy of " + settings.configDir(), "rm -rf " + aside));
        }
        return new Plan(title(), node.target().display(), steps, notes);
    }

    /** systemd's {@code systemctl restart} where systemd runs, {@code service} otherwise. */
    static String restartCommand() {
        return "if [ -d /run/systemd/system ]; then systemctl restart re6stnet; else service re6stnet restart; fi";
    }

    private String edited(FileState before) {
        Re6stConf conf = Re6stConf.parse(
                before.exists()
                        ? before.text()
                        : Re6stConf.newFile(settings.registry().orElse("http://re6stnet.nexedi.com/")));
        settings.registry().ifPresent(r -> conf.set("registry", r));
        settings.ip().ifPresent(ip -> conf.set("ip", ip));
        settings.gateway().ifPresent(g -> conf.flag("gateway", g));
        return conf.render();
    }

    @Override
    public Verification verify(NodeConnection node) throws NodeException {
        FileState state = new RemoteFile(node).read(settings.confPath());
        List<String> problems = new ArrayList<>();
        if (!state.exists()) {
            return new Verification(List.of(settings.confPath() + " does not exist"));
        }
        Re6stConf conf = Re6stConf.parse(state.text());
        settings.registry()
                .filter(r -> !conf.get("registry").equals(Optional.of(r)))
                .ifPresent(
                        r -> problems.add("registry is " + conf.get("registry").orElse("unset") + ", not " + r));
        settings.ip()
                .filter(ip -> !conf.get("ip").equals(Optional.of(ip)))
                .ifPresent(ip -> problems.add("ip is " + conf.get("ip").orElse("unset") + ", not " + ip));
        settings.gateway()
                .filter(g -> conf.has("gateway") != g)
                .ifPresent(g -> problems.add("the gateway line is " + (g ? "missing" : "still there")));
        if (settings.token().isPresent()) {
            for (String file : List.of("ca.crt", "cert.crt", "cert.key")) {
                if (!node.run("[ -s " + Shell.quote(settings.configDir() + "/" + file) + " ]")
                        .ok()) {
                    problems.add(settings.configDir() + "/" + file + " is missing after re6st-conf");
                }
            }
        }
        return new Verification(problems);
    }
}
