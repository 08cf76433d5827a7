package org.slapdesk.remote.action.re6st;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slapdesk.remote.action.NodeAction;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.Step;
import org.slapdesk.remote.action.Verification;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;

/**
 * Installs the {@code re6st-node} package with the node's package manager (apt or dnf). The
 * package comes from Nexedi's repository: when the package manager does not know it, the
 * install stops before changing anything and says so. Nodes without apt or dnf are refused
 * with the manual way (seed 003: {@code wget https://deploy.erp5.net/re6st && bash re6st}).
 */
public final class Re6stInstallAction implements NodeAction {

    public static final String PACKAGE = "re6st-node";

    public enum PackageManager {
        APT,
        DNF
    }

    @Override
    public String title() {
        return "Install " + PACKAGE;
    }

    static Optional<PackageManager> detect(NodeConnection node) throws NodeException {
        String found = node.run("if command -v apt-get >/dev/null 2>&1; then echo apt;"
                        + " elif command -v dnf >/dev/null 2>&1; then echo dnf; else echo none; fi")
                .requireOk()
                .stdout()
                .trim();
        return switch (found) {
            case "apt" -> Optional.of(PackageManager.APT);
            case "dnf" -> Optional.of(PackageManager.DNF);
            default -> Optional.empty();
        };
    }

    static boolean installed(NodeConnection node, PackageManager pm) throws NodeException {
        return switch (pm) {
            case APT ->
                node.run("dpkg-query -W -f='${Status}' " + PACKAGE + " 2>/dev/null | grep -q 'install ok installed'")
                        .ok();
            case DNF -> node.run("rpm -q " + PACKAGE + " >/dev/null 2>&1").ok();
        };
    }

    /** The exact install command: it first checks the package is known, so an unknown one changes nothing. */
    static String installCommand(PackageManager pm) {
        String unknown =
                "echo '" + PACKAGE + " is not in the package lists of this node: add the Nexedi re6st repository"
                        + " (see https://re6st.net) and refresh the lists, or install by hand: wget https://deploy.erp5.net/re6st"
                        + " && bash re6st' >&2; exit 100";
        return switch (pm) {
            case APT ->
                "apt-cache show " + PACKAGE + " >/dev/null 2>&1 || { " + unknown + "; };"
                        + " DEBIAN_FRONTEND=noninteractive apt-get install -y " + PACKAGE;
            case DNF ->
                "dnf -q info " + PACKAGE + " >/dev/null 2>&1 || { " + unknown + "; };" + " dnf install -y " + PACKAGE;
        };
    }

    static String removeCommand(PackageManager pm) {
        return switch (pm) {
            case APT -> "DEBIAN_FRONTEND=noninteractive apt-get remove -y " + PACKAGE;
            case DNF -> "dnf remove -y " + PACKAGE;
        };
    }

    @Override
    public Plan plan(NodeConnection node) throws NodeException {
        Optional<PackageManager> pm = detect(node);
        if (pm.isEmpty()) {
            throw new NodeException(node.target().display() + " has neither apt-get nor dnf: install re6st by hand"
                    + " (wget https://deploy.erp5.net/re6st && bash re6st)");
        }
        if (installed(node, pm.get())) {
            return new Plan(title(), node.target().display(), List.of(), List.of(PACKAGE + " is installed already"));
        }
        List<String> notes = new ArrayList<>();
        if (pm.get() == PackageManager.APT
                && !node.run("apt-cache show " + PACKAGE + " >/dev/null 2>&1").ok()) {
            notes.add("apt on this node does not know " + PACKAGE + " now: the install will stop without changing"
                    + " anything unless Nexedi's re6st repository is added first");
        }
        notes.add("the package asks for no token: configure it afterwards (slapdesk node re6st config)");
        Step install = Step.CommandStep.of(
                        "install " + PACKAGE + " with " + pm.get().name().toLowerCase(),
                        installCommand(pm.get()),
                        removeCommand(pm.get()))
                .withTimeout(Duration.ofMinutes(10));
        return new Plan(title(), node.target().display(), List.of(install), notes);
    }

    @Override
    public Verification verify(NodeConnection node) throws NodeException {
        Optional<PackageManager> pm = detect(node);
        if (pm.isPresent()
                && installed(node, pm.get())
                && node.run("command -v re6stnet >/dev/null 2>&1").ok()) {
            return Verification.ok();
        }
        return new Verification(List.of(PACKAGE + " is not installed (or re6stnet is not on the PATH)"));
    }
}
