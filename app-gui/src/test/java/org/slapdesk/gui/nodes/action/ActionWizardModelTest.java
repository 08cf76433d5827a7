package org.slapdesk.gui.nodes.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.gui.Direct;
import org.slapdesk.remote.action.slapos.SlaposNode;

/** The wizard without a node: form checks and the states it may be in before connecting. */
class ActionWizardModelTest {

    private final Direct direct = new Direct(Instant.parse("2026-11-23T10:00:00Z"));
    private final ActionWizardModel wizard =
            new ActionWizardModel(direct.tasks, direct.activity, direct.clock, Optional::empty, SlaposNode::standard);

    @Test
    void startsOnTheFirstActionWithItsDefaultsAndAGoodForm() {
        assertThat(wizard.actionProperty().get().id()).isEqualTo("ipv6");
        assertThat(wizard.fields()).extracting(f -> f.field().key()).containsExactly("mode", "interface");
        assertThat(wizard.problemProperty().get()).isEmpty();
        assertThat(wizard.stateProperty().get()).isEqualTo(WizardState.EDITING);
    }

    @Test
    void theFormIsCheckedAsItIsTyped() {
        wizard.choose("lo-ipv6");
        assertThat(wizard.problemProperty().get()).isEmpty();
        wizard.set("address", "fc01::1");
        assertThat(wizard.problemProperty().get()).isEqualTo("'fc01::1' needs a prefix length, e.g. fc01::1/32");
        wizard.set("address", "fc01::1/32");
        wizard.set("device", "lo;reboot");
        assertThat(wizard.problemProperty().get()).contains("is not a network interface name");
        wizard.set("device", "lo");
        assertThat(wizard.problemProperty().get()).isEmpty();
    }

    @Test
    void switchingActionsResetsTheForm() {
        wizard.choose("register");
        assertThat(wizard.problemProperty().get()).isEqualTo("Node name is required");
        wizard.set("name", "COMP-1");
        assertThat(wizard.problemProperty().get()).isEqualTo("Token is required");
        wizard.choose("kvm");
        assertThat(wizard.fields()).isEmpty();
        assertThat(wizard.problemProperty().get()).isEmpty();
    }

    @Test
    void registerIsFilledWithTheEmbeddedMastersUrlAndSaysWhatIsMissingWithoutAProfile() {
        wizard.choose("register");
        wizard.set("name", "COMP-1");
        wizard.set("token", "t0k");
        assertThat(wizard.problemProperty().get()).startsWith("Master URL is required");

        Optional<RegisterMaster> embedded =
                RegisterMaster.of(MasterProfile.local(), Optional.of("http://[fd00:5a:1::1]:8080/"));
        assertThat(embedded).contains(new RegisterMaster("http://[fd00:5a:1::1]:8080/", "http://[fd00:5a:1::1]:8080"));
        wizard.registerWith(() -> embedded);
        wizard.choose("kvm");
        wizard.choose("register");
        assertThat(wizard.values().text("master")).isEqualTo("http://[fd00:5a:1::1]:8080/");
        assertThat(wizard.values().text("web")).isEqualTo("http://[fd00:5a:1::1]:8080");
        wizard.set("name", "COMP-1");
        wizard.set("token", "t0k");
        assertThat(wizard.problemProperty().get()).isEmpty();

        // a remote profile: its master URL; the panel's address only the operator knows
        wizard.registerWith(
                () -> RegisterMaster.of(MasterProfile.plain("prod", "https://slap.example.org/"), Optional.empty()));
        wizard.choose("kvm");
        wizard.choose("register");
        wizard.set("name", "COMP-1");
        wizard.set("token", "t0k");
        assertThat(wizard.values().text("master")).isEqualTo("https://slap.example.org/");
        assertThat(wizard.problemProperty().get()).startsWith("Master web URL is required");
    }

    @Test
    void previewWithoutAConnectionSaysToConnectAndChangesNothing() {
        wizard.choose("kvm");
        wizard.preview();
        assertThat(wizard.problemProperty().get())
                .isEqualTo("Connect to a node first (select it above and press Connect)");
        assertThat(wizard.stateProperty().get()).isEqualTo(WizardState.EDITING);
        assertThat(wizard.canApply()).isFalse();
        assertThat(direct.tasks.tasks()).isEmpty();
    }

    @Test
    void aBadSlaposPathIsNamedInTheForm() {
        ActionWizardModel badSlapos = new ActionWizardModel(
                direct.tasks,
                direct.activity,
                direct.clock,
                Optional::empty,
                () -> new SlaposNode("slapos", "etc/slapos.cfg"));
        assertThat(badSlapos.problemProperty().get()).contains("'etc/slapos.cfg' is not an absolute path");
    }
}
