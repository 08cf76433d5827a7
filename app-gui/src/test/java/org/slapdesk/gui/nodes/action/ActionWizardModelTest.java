package org.slapdesk.gui.nodes.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
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
