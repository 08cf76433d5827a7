package org.slapdesk.remote.action.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.Plan;
import org.slapdesk.remote.action.PlanRunner;
import org.slapdesk.remote.action.ProgressListener;
import org.slapdesk.remote.action.network.TemporaryIpv6Action.Operation;
import org.slapdesk.remote.testing.OnTestHost;

class TemporaryIpv6ActionTest extends OnTestHost {

    @Test
    void addsThenRemovesTheAddressOnLoAndASecondRunChangesNothing() throws Exception {
        TemporaryIpv6Action add = new TemporaryIpv6Action(Operation.ADD, "fc01::1/32", "lo");
        Plan plan = add.plan(node);
        assertThat(plan.preview())
                .contains("$ 'ip' '-6' 'addr' 'add' 'fc01::1/32' 'dev' 'lo'")
                .contains("(undo: 'ip' '-6' 'addr' 'del' 'fc01::1/32' 'dev' 'lo')");
        new PlanRunner(node).apply(add, plan, ProgressListener.NONE, CancellationToken.none());
        assertThat(host.sh("ip -6 -o addr show dev lo")).contains("inet6 fc01::1/32");

        assertThat(add.plan(node).isEmpty()).isTrue();
        // a spelling of the same address is recognised
        assertThat(new TemporaryIpv6Action(Operation.ADD, "fc01:0::0001/32", "lo")
                        .plan(node)
                        .isEmpty())
                .isTrue();

        TemporaryIpv6Action remove = new TemporaryIpv6Action(Operation.REMOVE, "fc01::1/32", "lo");
        new PlanRunner(node).apply(remove, remove.plan(node), ProgressListener.NONE, CancellationToken.none());
        assertThat(host.sh("ip -6 -o addr show dev lo")).doesNotContain("fc01::1");
        assertThat(remove.plan(node).isEmpty()).isTrue();
    }

    @Test
    void badInputIsRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> new TemporaryIpv6Action(Operation.ADD, "fc01::1", "lo"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("prefix length");
        assertThatThrownBy(() -> new TemporaryIpv6Action(Operation.ADD, "fc01::1/32", "lo;reboot"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("interface name");
    }

    @Test
    void parsesIpOutput() {
        String out = "1: lo    inet6 fc01::1/32 scope global \\       valid_lft forever preferred_lft forever\n"
                + "1: lo    inet6 ::1/128 scope host \\       valid_lft forever preferred_lft forever\n";
        assertThat(Ipv6Addresses.parse(out)).containsExactly("fc01::1/32", "::1/128");
        assertThat(Ipv6Addresses.same("fc01::1/32", "FC01:0:0::1/32")).isTrue();
        assertThat(Ipv6Addresses.same("fc01::1/32", "fc01::1/64")).isFalse();
    }
}
