package org.slapdesk.remote.action.slapos;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slapdesk.core.config.IniFile;
import org.slapdesk.remote.action.Choice;
import org.slapdesk.remote.action.NodeAction;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.Step;
import org.slapdesk.remote.action.Validate;
import org.slapdesk.remote.action.Verification;
import org.slapdesk.remote.file.FileChange;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.Shell;

/**
 * The IPv6 settings of slapos.cfg's {@code [slapformat]} (seed 000, "IPv6 Support"):
 * <ul>
 *   <li>{@link Mode#RE6ST}: {@code interface_name = IF} and {@code ipv6_interface = lo};</li>
 *   <li>{@link Mode#NATIVE} (the interface already has IPv6): only {@code interface_name = IF},
 *       any {@code ipv6_interface} removed;</li>
 *   <li>{@link Mode#TAP_VPN}: {@code ipv6_interface = tapVPN} and {@code interface_name = IF}.</li>
 * </ul>
 */
public final class Ipv6SettingsAction implements NodeAction {

    public enum Mode {
        RE6ST,
        NATIVE,
        TAP_VPN;

        /** {@code re6st, native or tap-vpn}, or an InvalidInputException naming the bad word. */
        public static Mode parse(String word) {
            return Choice.parse(Mode.class, word);
        }
    }

    private final String configPath;
    private final Mode mode;
    private final String interfaceName;
    private final Optional<String> ipv6Interface;

    public Ipv6SettingsAction(String configPath, Mode mode, String interfaceName) {
        this(
                configPath,
                mode,
                interfaceName,
                switch (mode) {
                    case RE6ST -> "lo";
                    case TAP_VPN -> "tapVPN";
                    case NATIVE -> null;
                });
    }

    /** With an explicit IPv6 interface for {@link Mode#RE6ST} or {@link Mode#TAP_VPN}. */
    public Ipv6SettingsAction(String configPath, Mode mode, String interfaceName, String ipv6Interface) {
        this.configPath = Validate.absolutePath(configPath);
        this.mode = mode;
        this.interfaceName = Validate.interfaceName(interfaceName);
        this.ipv6Interface =
                mode == Mode.NATIVE ? Optional.empty() : Optional.of(Validate.interfaceName(ipv6Interface));
    }

    @Override
    public String title() {
        return "IPv6 settings (" + mode.name().toLowerCase().replace('_', ' ') + ") in " + configPath;
    }

    @Override
    public Plan plan(NodeConnection node) throws NodeException {
        if (!node.run(Shell.command("test", "-e", "/sys/class/net/" + interfaceName))
                .ok()) {
            String names =
                    node.run("ls /sys/class/net").requireOk().stdout().trim().replace('\n', ' ');
            throw new NodeException("there is no interface " + interfaceName + " on "
                    + node.target().display() + " (it has: " + names
                    + "): give the interface that carries the node's IPv6");
        }
        FileChange change = SlaposConfig.planEdit(node, configPath, this::edit);
        List<Step> steps = change.isNoOp()
                ? List.of()
                : List.of(new Step.FileStep(
                        "set interface_name"
                                + ipv6Interface.map(i -> " and ipv6_interface").orElse("") + " in [slapformat]",
                        change));
        return new Plan(
                title(), node.target().display(), steps, List.of("takes effect at the next `slapos node format`"));
    }

    private void edit(IniFile ini) {
        ini.set(SlaposConfig.SLAPFORMAT, "interface_name", interfaceName);
        if (ipv6Interface.isPresent()) {
            ini.set(SlaposConfig.SLAPFORMAT, "ipv6_interface", ipv6Interface.get());
        } else {
            ini.remove(SlaposConfig.SLAPFORMAT, "ipv6_interface");
        }
    }

    @Override
    public Verification verify(NodeConnection node) throws NodeException {
        IniFile ini = SlaposConfig.read(node, configPath);
        List<String> problems = new ArrayList<>();
        Optional<String> iface = ini.get(SlaposConfig.SLAPFORMAT, "interface_name");
        if (!iface.equals(Optional.of(interfaceName))) {
            problems.add("interface_name is " + iface.orElse("unset") + ", not " + interfaceName);
        }
        Optional<String> v6 = ini.get(SlaposConfig.SLAPFORMAT, "ipv6_interface");
        if (!v6.equals(ipv6Interface)) {
            problems.add("ipv6_interface is " + v6.orElse("unset") + ", not " + ipv6Interface.orElse("unset"));
        }
        return new Verification(problems);
    }
}
