package org.slapdesk.gui.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.store.AuditEntry;
import org.slapdesk.core.store.KnownNodeRecord;
import org.slapdesk.gui.Direct;
import org.slapdesk.gui.nodes.action.ActionWizardModel;
import org.slapdesk.gui.nodes.action.WizardState;
import org.slapdesk.remote.ssh.ConnectOptions;
import org.slapdesk.remote.ssh.HostKeyPrompt;
import org.slapdesk.testlab.TestHost;
import org.slapdesk.testlab.TestLab;

/**
 * The bridge from the wizard on a real test host, under confirm-or-revert: the wizard shows
 * when the node would revert, confirms over a new SSH connection once the switch is done, and
 * says clearly when it could not get back in and the node puts its previous network back itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodesBridgeHostTest {

    private static final String INTERFACES =
            "auto lo\niface lo inet loopback\n\nallow-hotplug eth0\niface eth0 inet dhcp\n";
    private static final String SLAPOS_CFG = "[slapos]\ncomputer_id = COMP-1\nmaster_url = https://slap.example.com\n\n"
            + "[slapformat]\ninterface_name = eth0\npartition_amount = 3\n";

    @TempDir
    Path dir;

    private TestLab lab;
    private TestHost host;
    private Direct direct;
    private NodesViewModel model;
    private final List<Instant> revertsAt = new ArrayList<>();

    @BeforeAll
    void openLab() {
        lab = TestLab.open();
    }

    @AfterAll
    void closeLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @BeforeEach
    void connect() {
        host = lab.startHost();
        host.sh("mkdir -p /etc/network /etc/opt/slapos");
        host.writeFile("/etc/network/interfaces", INTERFACES);
        host.writeFile("/etc/opt/slapos/slapos.cfg", SLAPOS_CFG);
        direct = new Direct(Instant.now());
        model = new NodesViewModel(
                direct.tasks,
                direct.activity,
                Clock.systemUTC(),
                NodeInventory.inMemory(),
                new NodeEnvironment(
                        dir.resolve("known_hosts"),
                        dir,
                        ConnectOptions.defaults().withoutAgent()));
        model.connection().prompts(new NodePrompts() {
            @Override
            public boolean trustHostKey(HostKeyPrompt.UnknownHostKey key) {
                return true;
            }

            @Override
            public char[] passphrase(Path keyFile) {
                return null;
            }
        });
        NodeRow row = new NodeRow(new KnownNodeRecord(
                host.address(),
                host.port(),
                "root",
                Optional.of(host.clientKey()),
                Optional.empty(),
                Optional.empty()));
        model.list().rows().add(row);
        model.list().selectedProperty().set(row);
        model.connection().connect(row);
        assertThat(row.linkProperty().get()).isEqualTo(NodeRow.Link.CONNECTED);
        model.wizard().revertsAtProperty().addListener((o, was, now) -> {
            if (now != null) {
                revertsAt.add(now);
            }
        });
    }

    @AfterEach
    void disconnect() throws Exception {
        model.close();
        host.close();
        Files.deleteIfExists(dir.resolve("known_hosts"));
        revertsAt.clear();
    }

    @Test
    void theBridgeIsConfirmedOverANewConnectionAfterTheSwitch() {
        ActionWizardModel wizard = model.wizard();
        wizard.choose("bridge");
        wizard.set("confirm", "20");
        wizard.preview();
        assertThat(wizard.stateProperty().get()).isEqualTo(WizardState.PREVIEW);
        assertThat(wizard.planTextProperty().get())
                .contains("write the revert guard")
                .contains("+auto br0")
                .contains("+interface_name = br0")
                .contains("confirm-or-revert");
        Instant applied = Instant.now();
        wizard.apply();
        assertThat(wizard.stateProperty().get()).isEqualTo(WizardState.SUCCEEDED);
        assertThat(wizard.resultProperty().get())
                .startsWith("Applied and verified: Bridge br0 on eth0")
                .contains("br0 confirmed over a new SSH connection: the node keeps the new network");
        assertThat(revertsAt)
                .as("the countdown was shown from the switch")
                .singleElement()
                .satisfies(at -> assertThat(at)
                        .isBetween(applied.plusSeconds(20), Instant.now().plusSeconds(20)));
        assertThat(wizard.revertsAtProperty().get())
                .as("and is gone once confirmed")
                .isNull();
        assertThat(wizard.output())
                .anyMatch(l -> l.startsWith("confirm-or-revert: reconnecting over a new SSH connection"));
        assertThat(host.sh("ip -o link show dev eth0")).contains("master br0");
        assertThat(host.sh("cat /run/slapdesk/guard-br0.log")).contains("confirm: the guard is removed");
        assertThat(direct.activity.entries()).first().satisfies(e -> assertThat(e.outcome())
                .isEqualTo(AuditEntry.Outcome.SUCCESS));
    }

    @Test
    void theBridgeIsUndoneFromTheWizardUnderTheSameConfirmOrRevert() {
        ActionWizardModel wizard = model.wizard();
        wizard.choose("bridge");
        wizard.set("confirm", "20");
        wizard.preview();
        wizard.apply();
        assertThat(wizard.stateProperty().get()).isEqualTo(WizardState.SUCCEEDED);
        assertThat(host.sh("ip -o link show dev eth0")).contains("master br0");
        revertsAt.clear();

        wizard.choose("unbridge");
        wizard.set("confirm", "20");
        wizard.preview();
        assertThat(wizard.stateProperty().get()).isEqualTo(WizardState.PREVIEW);
        assertThat(wizard.planTextProperty().get())
                .contains("move eth0 out of br0 and delete the bridge")
                .contains("+interface_name = eth0");
        wizard.apply();
        assertThat(wizard.stateProperty().get())
                .as(wizard.resultProperty().get())
                .isEqualTo(WizardState.SUCCEEDED);
        assertThat(wizard.resultProperty().get())
                .startsWith("Applied and verified: Take eth0 out of the bridge br0 and remove the bridge")
                .contains("confirmed over a new SSH connection");
        assertThat(revertsAt).as("the countdown was shown from the switch").hasSize(1);
        assertThat(wizard.revertsAtProperty().get()).isNull();
        assertThat(host.sh("ip -o link show dev eth0")).doesNotContain("master");
        assertThat(host.exec("ip", "link", "show", "dev", "br0").exitCode()).isNotZero();
        assertThat(host.sh("cat /etc/network/interfaces")).isEqualTo(INTERFACES);
        assertThat(host.sh("cat /etc/opt/slapos/slapos.cfg")).contains("interface_name = eth0");
    }

    @Test
    void aBridgeThatCutsTheWayInSaysTheNodeRevertsAndItDoes() throws Exception {
        ActionWizardModel wizard = model.wizard();
        wizard.choose("bridge");
        wizard.set("addressing", "static");
        wizard.set("addresses", "192.0.2.50/24");
        wizard.set("gateway4", "192.0.2.1");
        wizard.set("confirm", "20");
        assertThat(wizard.problemProperty().get()).isEmpty();
        wizard.preview();
        String eth0Before = host.sh("ip -o addr show dev eth0 scope global");
        wizard.apply();
        assertThat(wizard.stateProperty().get()).isEqualTo(WizardState.FAILED);
        assertThat(wizard.resultProperty().get())
                .startsWith("Not confirmed, the node goes back to its previous network: ")
                .contains("no new SSH connection")
                .contains("puts back its previous network and files by itself");
        assertThat(revertsAt).hasSize(1);
        assertThat(model.list().rows().get(0).lastResultProperty().get()).startsWith("FAILED: Bridge br0 on eth0");

        // the node puts its network back by itself at the deadline
        Instant giveUp = revertsAt.get(0).plusSeconds(25);
        String log = "";
        while (Instant.now().isBefore(giveUp) && !log.contains("previous network put back")) {
            Thread.sleep(1000);
            log = host.sh("cat /run/slapdesk/guard-br0.log 2>/dev/null || true");
        }
        assertThat(log).contains("previous network put back");
        assertThat(host.sh("ip -o addr show dev eth0 scope global")).isEqualTo(eth0Before);
        assertThat(Duration.between(Instant.now(), giveUp).isNegative()).isFalse();
    }
}
