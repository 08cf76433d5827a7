package org.slapdesk.remote.action.network;

import java.util.List;
import org.slapdesk.remote.action.Choice;
import org.slapdesk.remote.action.NodeAction;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.Preflight;
import org.slapdesk.remote.action.Requirement;
import org.slapdesk.remote.action.Step;
import org.slapdesk.remote.action.Validate;
import org.slapdesk.remote.action.Verification;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.Shell;

/**
 * Adds or removes a temporary IPv6 address on an interface (seed 003: {@code ip -6 addr add
 * fc01::1/32 dev lo} so a node without IPv6 can be installed). Not persistent: gone at reboot.
 */
public final class TemporaryIpv6Action implements NodeAction {

    public enum Operation {
        ADD,
        REMOVE;

        /** {@code add or remove}, or an InvalidInputException naming the bad word. */
        public static Operation parse(String word) {
            return Choice.parse(Operation.class, word);
        }
    }

    public static final String DEFAULT_ADDRESS = "fc01::1/32";

    private final Operation operation;
    private final String cidr;
    private final String device;

    public TemporaryIpv6Action(Operation operation, String cidr, String device) {
        this.operation = operation;
        this.cidr = Validate.ipv6WithPrefix(cidr);
        this.device = Validate.interfaceName(device);
    }

    @Override
    public String title() {
        return (operation == Operation.ADD ? "Add " : "Remove ") + "temporary IPv6 " + cidr + " on " + device;
    }

    @Override
    public Plan plan(NodeConnection node) throws NodeException {
        Preflight.require(node, List.of(Requirement.IP));
        boolean present = Ipv6Addresses.contains(Ipv6Addresses.of(node, device), cidr);
        String add = Shell.command("ip", "-6", "addr", "add", cidr, "dev", device);
        String del = Shell.command("ip", "-6", "addr", "del", cidr, "dev", device);
        if (operation == Operation.ADD && !present) {
            return Plan.of(title(), node.target().display(), List.of(Step.CommandStep.of(title(), add, del)));
        }
        if (operation == Operation.REMOVE && present) {
            return Plan.of(title(), node.target().display(), List.of(Step.CommandStep.of(title(), del, add)));
        }
        return Plan.of(title(), node.target().display(), List.of());
    }

    @Override
    public Verification verify(NodeConnection node) throws NodeException {
        boolean present = Ipv6Addresses.contains(Ipv6Addresses.of(node, device), cidr);
        if (present == (operation == Operation.ADD)) {
            return Verification.ok();
        }
        return new Verification(List.of(cidr + (present ? " is still on " : " is not on ") + device));
    }
}
