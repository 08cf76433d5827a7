package org.slapdesk.remote.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.remote.file.RemoteFile;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.Shell;
import org.slapdesk.remote.testing.OnTestHost;

class PlanRunnerTest extends OnTestHost {

    @Test
    void aPlanFailingMidwayLeavesTheNodeAsItWas() throws Exception {
        host.sh("mkdir -p /etc/pr1 && printf 'a = 1\\n' > /etc/pr1/a.cfg && chmod 640 /etc/pr1/a.cfg");
        String before = snapshot("/etc/pr1") + host.sh("ip -6 -o addr show dev lo");
        RemoteFile files = new RemoteFile(node);
        Plan plan = Plan.of(
                "test plan",
                "node",
                List.of(
                        new Step.FileStep("edit a.cfg", files.plan("/etc/pr1/a.cfg", t -> t + "b = 2\n")),
                        new Step.FileStep("create b.cfg", files.planContent("/etc/pr1/b.cfg", "new\n", "644")),
                        Step.CommandStep.of("make a folder", "mkdir /etc/pr1/dir", "rmdir /etc/pr1/dir"),
                        Step.CommandStep.of(
                                "add an address",
                                Shell.command("ip", "-6", "addr", "add", "fc02::5/64", "dev", "lo"),
                                Shell.command("ip", "-6", "addr", "del", "fc02::5/64", "dev", "lo")),
                        Step.CommandStep.withoutUndo("fail", "echo 'cannot do that' >&2; exit 7"),
                        Step.CommandStep.of("never runs", "touch /etc/pr1/never", "rm /etc/pr1/never")));
        List<String> events = new ArrayList<>();
        ProgressListener progress = new ProgressListener() {
            @Override
            public void stepStarted(int index, int total, Step step) {
                events.add(index + "/" + total);
            }

            @Override
            public void rollingBack(String why) {
                events.add("rollback");
            }
        };
        assertThatThrownBy(() -> new PlanRunner(node)
                        .apply(action(() -> Verification.ok()), plan, progress, CancellationToken.none()))
                .isInstanceOf(PlanFailedException.class)
                .hasMessageContaining("step 5 of 6 (fail)")
                .hasMessageContaining("exited 7: cannot do that")
                .hasMessageContaining("Everything the plan changed was undone");
        assertThat(events).containsExactly("1/6", "2/6", "3/6", "4/6", "5/6", "rollback");
        assertThat(snapshot("/etc/pr1") + host.sh("ip -6 -o addr show dev lo")).isEqualTo(before);
    }

    @Test
    void aFailedVerificationRollsBackToo() throws Exception {
        host.sh("mkdir -p /etc/pr2 && echo x > /etc/pr2/f");
        String before = snapshot("/etc/pr2");
        RemoteFile files = new RemoteFile(node);
        Plan plan = Plan.of(
                "test plan", "node", List.of(new Step.FileStep("edit f", files.plan("/etc/pr2/f", t -> "y\n"))));
        assertThatThrownBy(() -> new PlanRunner(node)
                        .apply(
                                action(() -> new Verification(List.of("f is not z"))),
                                plan,
                                ProgressListener.NONE,
                                CancellationToken.none()))
                .isInstanceOf(PlanFailedException.class)
                .hasMessageContaining("f is not z");
        assertThat(snapshot("/etc/pr2")).isEqualTo(before);
    }

    @Test
    void aCancelledPlanStopsAndRollsBack() throws Exception {
        host.sh("mkdir -p /etc/pr3");
        String before = snapshot("/etc/pr3");
        CancellationToken cancel = new CancellationToken();
        Plan plan = Plan.of(
                "test plan",
                "node",
                List.of(
                        Step.CommandStep.of("make a file", "touch /etc/pr3/made", "rm /etc/pr3/made"),
                        Step.CommandStep.withoutUndo("long", "sleep 60")));
        ProgressListener cancelOnSecond = new ProgressListener() {
            @Override
            public void stepStarted(int index, int total, Step step) {
                if (index == 2) {
                    cancel.cancel();
                }
            }
        };
        assertThatThrownBy(() -> new PlanRunner(node).apply(action(Verification::ok), plan, cancelOnSecond, cancel))
                .isInstanceOf(PlanFailedException.class)
                .hasMessageContaining("ancel");
        assertThat(snapshot("/etc/pr3")).isEqualTo(before);
    }

    private static NodeAction action(Supplier<Verification> verification) {
        return new NodeAction() {
            @Override
            public String title() {
                return "test";
            }

            @Override
            public Plan plan(NodeConnection n) {
                throw new IllegalStateException("not used");
            }

            @Override
            public Verification verify(NodeConnection n) throws NodeException {
                return verification.get();
            }
        };
    }
}
