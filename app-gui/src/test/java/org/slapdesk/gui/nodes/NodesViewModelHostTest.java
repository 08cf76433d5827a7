package org.slapdesk.gui.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slapdesk.core.store.AppStore;
import org.slapdesk.core.store.AuditEntry;
import org.slapdesk.core.store.KnownNodeRecord;
import org.slapdesk.gui.Direct;
import org.slapdesk.gui.activity.ActivityEntry;
import org.slapdesk.gui.nodes.action.ActionWizardModel;
import org.slapdesk.gui.nodes.action.WizardState;
import org.slapdesk.remote.action.slapos.ProcessState;
import org.slapdesk.remote.action.slapos.ProcessStatus;
import org.slapdesk.remote.action.slapos.SlaposNode;
import org.slapdesk.remote.ssh.HostKeyPrompt;
import org.slapdesk.remote.ssh.KnownHostsVerifier;
import org.slapdesk.testlab.SlaposVenv;

/**
 * The Nodes page's ViewModel against a real test host over real SSH, its tasks run in line
 * (Direct): inventory in a real application database, trust on first use, a changed key
 * refused, status and restart, the wizard's plan / apply / verify and a failure undone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodesViewModelHostTest {

    @TempDir
    Path dir;

    private NodeTestHost lab;
    private AppStore store;
    private Direct direct;
    private NodesViewModel model;
    private final List<HostKeyPrompt.UnknownHostKey> asked = new ArrayList<>();
    private boolean trust = true;
    private String passphrase;
    private final List<Path> passphraseAsked = new ArrayList<>();

    @BeforeAll
    void startHost(@TempDir Path labDir) throws Exception {
        lab = new NodeTestHost(labDir);
    }

    @AfterAll
    void stopHost() {
        if (lab != null) {
            lab.close();
        }
    }

    private NodesViewModel model() throws Exception {
        Files.deleteIfExists(lab.knownHosts);
        store = AppStore.open(dir.resolve("slapdesk.db"));
        direct = new Direct(Instant.now());
        model = new NodesViewModel(
                direct.tasks,
                direct.activity,
                direct.clock,
                NodeInventory.stored(store.knownNodes()),
                lab.environment());
        model.connection().prompts(new NodePrompts() {
            @Override
            public boolean trustHostKey(HostKeyPrompt.UnknownHostKey key) {
                asked.add(key);
                return trust;
            }

            @Override
            public char[] passphrase(Path keyFile) {
                passphraseAsked.add(keyFile);
                return passphrase == null ? null : passphrase.toCharArray();
            }
        });
        return model;
    }

    @AfterEach
    void closeModel() {
        if (model != null) {
            model.close();
        }
        if (store != null) {
            store.close();
        }
        asked.clear();
        trust = true;
        passphrase = null;
        passphraseAsked.clear();
    }

    private NodeRow addAndSelect() {
        return addAndSelect(KnownNodeRecord.DEFAULT_SLAPOS_COMMAND);
    }

    /** The test host as a node whose slapos is {@code slaposCommand}. */
    private NodeRow addAndSelect(String slaposCommand) {
        NodeForm form = NodeForm.blank(Path.of("/root"));
        form.slaposCommandProperty().set(slaposCommand);
        form.hostProperty().set(lab.host.address());
        form.portProperty().set(Integer.toString(lab.host.port()));
        form.keyFileProperty().set(lab.host.clientKey().toString());
        model.list().save(form, () -> {});
        assertThat(direct.notificationTitles()).isEmpty();
        NodeRow row = model.list().rows().get(0);
        model.list().selectedProperty().set(row);
        return row;
    }

    @Test
    void theFirstConnectionAsksAboutTheHostKeyAndRemembersItsFingerprint() throws Exception {
        model();
        NodeRow row = addAndSelect();
        assertThat(store.knownNodes().list()).extracting(KnownNodeRecord::label).containsExactly(row.label());

        model.connection().connect(row);

        assertThat(row.linkProperty().get()).isEqualTo(NodeRow.Link.CONNECTED);
        assertThat(model.connection().connectingProperty().get()).isNull();
        assertThat(asked).hasSize(1);
        HostKeyPrompt.UnknownHostKey key = asked.get(0);
        assertThat(key.host()).isEqualTo(lab.host.address());
        assertThat(key.keyType()).isEqualTo("ssh-ed25519");
        assertThat(key.sha256Fingerprint()).isEqualTo(lab.fingerprint());
        assertThat(key.verifyCommand())
                .startsWith("ssh-keyscan -p " + lab.host.port())
                .endsWith("| ssh-keygen -lf -");
        assertThat(row.record().hostKeyFingerprint()).contains(lab.fingerprint());
        assertThat(store.knownNodes()
                        .find(lab.host.address(), lab.host.port(), "root")
                        .orElseThrow()
                        .hostKeyFingerprint())
                .contains(lab.fingerprint());
        assertThat(Files.readString(lab.knownHosts))
                .contains(KnownHostsVerifier.hostField(lab.host.address(), lab.host.port()));

        // a second connection finds the key in known_hosts and asks nothing
        model.connection().disconnect(row);
        assertThat(row.linkProperty().get()).isEqualTo(NodeRow.Link.OFFLINE);
        model.connection().connect(row);
        assertThat(row.linkProperty().get()).isEqualTo(NodeRow.Link.CONNECTED);
        assertThat(asked).hasSize(1);
    }

    @Test
    void anEncryptedKeyAsksForItsPassphraseEachTimeAndNeverKeepsIt() throws Exception {
        model();
        Path key = dir.resolve("id_enc");
        new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "s3cret phrase", "-f", key.toString())
                .start()
                .waitFor();
        lab.host.sh(
                "cat >> /run/testlab/authorized_keys <<'EOF'\n" + Files.readString(dir.resolve("id_enc.pub")) + "EOF");
        NodeForm form = NodeForm.blank(Path.of("/root"));
        form.hostProperty().set(lab.host.address());
        form.portProperty().set(Integer.toString(lab.host.port()));
        form.keyFileProperty().set(key.toString());
        model.list().save(form, () -> {});
        NodeRow row = model.list().rows().get(0);
        model.list().selectedProperty().set(row);

        model.connection().connect(row);
        assertThat(passphraseAsked).containsExactly(key);
        assertThat(row.linkProperty().get()).isEqualTo(NodeRow.Link.OFFLINE);
        assertThat(row.lastResultProperty().get()).contains(key.toString());

        passphrase = "s3cret phrase";
        model.connection().connect(row);
        assertThat(passphraseAsked).containsExactly(key, key);
        assertThat(row.linkProperty().get()).isEqualTo(NodeRow.Link.CONNECTED);
        StringBuilder stored = new StringBuilder();
        for (String file : List.of("slapdesk.db", "slapdesk.db-wal")) {
            if (Files.exists(dir.resolve(file))) {
                stored.append(new String(Files.readAllBytes(dir.resolve(file)), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(stored.toString())
                .as("the database and its journal")
                .contains(lab.host.address())
                .doesNotContain("s3cret");
    }

    @Test
    void throughAJumpHostBothKeysAreAskedAndOnlyTheNodesIsRecorded() throws Exception {
        model();
        NodeForm form = NodeForm.blank(Path.of("/root"));
        form.hostProperty().set(lab.host.address4());
        form.keyFileProperty().set(lab.host.clientKey().toString());
        form.jumpProperty().set("root@[" + lab.host.address() + "]:" + lab.host.port());
        model.list().save(form, () -> {});
        NodeRow row = model.list().rows().get(0);
        model.list().selectedProperty().set(row);
        model.connection().connect(row);
        assertThat(row.linkProperty().get()).isEqualTo(NodeRow.Link.CONNECTED);
        assertThat(asked)
                .extracting(HostKeyPrompt.UnknownHostKey::host)
                .containsExactly(lab.host.address(), lab.host.address4());
        assertThat(row.record().hostKeyFingerprint()).contains(lab.fingerprint());
        assertThat(model.connection()
                        .handle()
                        .orElseThrow()
                        .connection()
                        .run("echo $SSH_CONNECTION")
                        .stdout())
                .as("the session is on the node's IPv4 address, reached through the jump host")
                .contains(lab.host.address4());
    }

    @Test
    void aRefusedKeyLeavesTheNodeOfflineWithTheReason() throws Exception {
        model();
        trust = false;
        NodeRow row = addAndSelect();
        model.connection().connect(row);
        assertThat(row.linkProperty().get()).isEqualTo(NodeRow.Link.OFFLINE);
        assertThat(row.lastResultProperty().get()).contains("was not accepted");
        assertThat(direct.notifications.active())
                .singleElement()
                .satisfies(n -> assertThat(n.message()).contains("not accepted").contains("ssh-keyscan"));
        assertThat(lab.knownHosts).doesNotExist();
    }

    @Test
    void aChangedKeyIsRefusedWithoutAskingAndTheErrorStays() throws Exception {
        model();
        NodeRow row = addAndSelect();
        Path other = dir.resolve("other");
        new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other.toString())
                .start()
                .waitFor();
        String otherKey = Files.readString(Path.of(other + ".pub")).split(" ")[1];
        Files.writeString(
                lab.knownHosts,
                KnownHostsVerifier.hostField(lab.host.address(), lab.host.port()) + " ssh-ed25519 " + otherKey + "\n");
        model.connection().connect(row);
        assertThat(asked).isEmpty();
        assertThat(row.linkProperty().get()).isEqualTo(NodeRow.Link.OFFLINE);
        assertThat(direct.notifications.active()).singleElement().satisfies(n -> assertThat(n.message())
                .contains("has CHANGED"));
    }

    @Test
    void aMissingKeyFileIsNamedAndNothingIsSaved() throws Exception {
        model();
        NodeForm form = NodeForm.blank(Path.of("/root"));
        form.hostProperty().set("node9.example.org");
        form.keyFileProperty().set(dir.resolve("no-such-key").toString());
        model.list().save(form, () -> {});
        assertThat(direct.notifications.active()).singleElement().satisfies(n -> assertThat(n.message())
                .isEqualTo("Key file: " + dir.resolve("no-such-key") + " does not exist or cannot be read"));
        assertThat(store.knownNodes().list()).isEmpty();
        assertThat(model.list().rows()).isEmpty();
    }

    @Test
    void editingAndRemovingAreKept() throws Exception {
        model();
        NodeRow row = addAndSelect();
        NodeForm form = NodeForm.editing(row.record(), Path.of("/root"));
        form.jumpProperty().set("bastion.example.org:2200");
        model.list().save(form, () -> {});
        assertThat(store.knownNodes().list()).singleElement().satisfies(r -> assertThat(r.jumpHost())
                .contains("bastion.example.org:2200"));
        assertThat(model.list().rows()).hasSize(1);
        model.list().remove(model.list().rows().get(0));
        assertThat(store.knownNodes().list()).isEmpty();
        assertThat(model.list().rows()).isEmpty();
    }

    @Test
    void statusListsTypedStatesAndRestartGivesANewPid() throws Exception {
        String slapos = lab.instanceSupervisord();
        model();
        NodeRow row = addAndSelect(slapos);
        model.connection().connect(row);
        model.status().refresh();
        Map<String, ProcessState> states = model.status().processes().stream()
                .collect(Collectors.toMap(ProcessStatus::fullName, ProcessStatus::state));
        assertThat(states)
                .containsEntry("slappart0:sleeper-on-watch", ProcessState.RUNNING)
                .containsEntry("slappart0:idle", ProcessState.STOPPED);
        long before = lab.pidOf(slapos, "slappart0:sleeper-on-watch");
        ProcessStatus sleeper = model.status().processes().stream()
                .filter(p -> p.fullName().equals("slappart0:sleeper-on-watch"))
                .findFirst()
                .orElseThrow();
        model.status().restart(sleeper);
        assertThat(lab.pidOf(slapos, "slappart0:sleeper-on-watch")).isNotEqualTo(before);
        assertThat(row.lastResultProperty().get()).isEqualTo("ok: Restart slappart0:sleeper-on-watch");
        assertThat(direct.activity.entries()).first().satisfies(e -> {
            assertThat(e.action()).isEqualTo("node: Restart slappart0:sleeper-on-watch");
            assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.SUCCESS);
        });
    }

    @Test
    void theWizardPreviewsAppliesAndVerifiesATemporaryAddressThenRemovesIt() throws Exception {
        model();
        NodeRow row = addAndSelect();
        model.connection().connect(row);
        ActionWizardModel wizard = model.wizard();
        wizard.choose("lo-ipv6");
        wizard.set("address", "fc01::7/64");
        wizard.preview();
        assertThat(wizard.stateProperty().get()).isEqualTo(WizardState.PREVIEW);
        assertThat(wizard.planTextProperty().get())
                .contains("$ 'ip' '-6' 'addr' 'add' 'fc01::7/64' 'dev' 'lo'")
                .contains("(undo: 'ip' '-6' 'addr' 'del' 'fc01::7/64' 'dev' 'lo')");
        assertThat(lab.host.sh("ip -6 -o addr show dev lo"))
                .as("a preview changes nothing")
                .doesNotContain("fc01::7");
        assertThat(wizard.canApply()).isTrue();

        wizard.apply();

        assertThat(wizard.stateProperty().get()).isEqualTo(WizardState.SUCCEEDED);
        assertThat(wizard.resultProperty().get())
                .isEqualTo("Applied and verified: Add temporary IPv6 fc01::7/64 on lo");
        assertThat(wizard.output()).contains("step 1/1: Add temporary IPv6 fc01::7/64 on lo");
        assertThat(lab.host.sh("ip -6 -o addr show dev lo")).contains("inet6 fc01::7/64");
        assertThat(row.lastResultProperty().get()).isEqualTo("ok: Add temporary IPv6 fc01::7/64 on lo");

        // applied again, the plan is empty: nothing to do
        wizard.back();
        wizard.preview();
        assertThat(wizard.planTextProperty().get()).contains("nothing to do");
        assertThat(wizard.canApply()).isFalse();

        wizard.set("operation", "remove");
        assertThat(wizard.stateProperty().get())
                .as("an edit drops the previewed plan")
                .isEqualTo(WizardState.EDITING);
        wizard.preview();
        wizard.apply();
        assertThat(wizard.stateProperty().get()).isEqualTo(WizardState.SUCCEEDED);
        assertThat(lab.host.sh("ip -6 -o addr show dev lo")).doesNotContain("fc01::7");

        List<ActivityEntry> audit = direct.activity.entries();
        assertThat(audit)
                .extracting(ActivityEntry::action)
                .containsExactly(
                        "node: Remove temporary IPv6 fc01::7/64 on lo", "node: Add temporary IPv6 fc01::7/64 on lo");
        assertThat(audit).allSatisfy(e -> {
            assertThat(e.target()).isEqualTo(row.label());
            assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.SUCCESS);
        });
    }

    @Test
    void eachNodeUsesItsOwnSlaposAndConfigAndItsLastResultOutlivesTheWindow() throws Exception {
        String slapos = lab.instanceSupervisord();
        // the node's slapos.cfg is only at a place of its own: the default path would fail
        lab.host.sh("mkdir -p /srv/alt && mv /etc/opt/slapos/slapos.cfg /srv/alt/slapos.cfg");
        try {
            model();
            NodeForm other = NodeForm.blank(Path.of("/root"));
            other.nameProperty().set("COMP-1 lille");
            other.hostProperty().set("127.0.0.1");
            other.portProperty().set("1");
            model.list().save(other, () -> {});
            NodeForm form = NodeForm.blank(Path.of("/root"));
            form.nameProperty().set("COMP-0 paris");
            form.hostProperty().set(lab.host.address());
            form.portProperty().set(Integer.toString(lab.host.port()));
            form.keyFileProperty().set(lab.host.clientKey().toString());
            form.slaposCommandProperty().set(slapos);
            form.slaposConfigProperty().set("/srv/alt/slapos.cfg");
            model.list().save(form, () -> {});
            assertThat(direct.notificationTitles()).isEmpty();
            NodeRow lille = model.list().rows().stream()
                    .filter(r -> r.displayName().equals("COMP-1 lille"))
                    .findFirst()
                    .orElseThrow();
            NodeRow paris = model.list().rows().stream()
                    .filter(r -> r.displayName().equals("COMP-0 paris"))
                    .findFirst()
                    .orElseThrow();

            model.list().selectedProperty().set(lille);
            assertThat(model.list().slapos()).isEqualTo(SlaposNode.standard());
            model.list().selectedProperty().set(paris);
            assertThat(model.list().slapos().slaposCommand()).isEqualTo(slapos);
            model.connection().connect(paris);
            model.status().refresh();
            assertThat(direct.notificationTitles()).isEmpty();
            assertThat(model.status().processes())
                    .anySatisfy(p -> assertThat(p.fullName()).isEqualTo("slappart0:sleeper-on-watch"));
            ActionWizardModel wizard = model.wizard();
            wizard.choose("format");
            wizard.preview();
            assertThat(wizard.planTextProperty().get())
                    .contains("'" + slapos + "' 'node' 'format' '--cfg' '/srv/alt/slapos.cfg'");
            wizard.back();
            long before = lab.pidOf(slapos, "slappart0:sleeper-on-watch", "/srv/alt/slapos.cfg");
            model.status()
                    .restart(model.status().processes().stream()
                            .filter(p -> p.fullName().equals("slappart0:sleeper-on-watch"))
                            .findFirst()
                            .orElseThrow());
            assertThat(lab.pidOf(slapos, "slappart0:sleeper-on-watch", "/srv/alt/slapos.cfg"))
                    .isNotEqualTo(before);
            assertThat(paris.lastResultProperty().get()).isEqualTo("ok: Restart slappart0:sleeper-on-watch");
            Instant at = paris.lastResultAtProperty().get();
            assertThat(at).isEqualTo(direct.clock.instant().truncatedTo(ChronoUnit.MILLIS));
            assertThat(lille.lastResultProperty().get()).isEmpty();
            model.close();
            store.close();

            // a new window on the same database: names, settings and the last result are back
            model();
            model.list().load();
            NodeRow again = model.list().rows().stream()
                    .filter(r -> r.displayName().equals("COMP-0 paris"))
                    .findFirst()
                    .orElseThrow();
            assertThat(again.record().slaposCommand()).isEqualTo(slapos);
            assertThat(again.record().slaposConfig()).isEqualTo("/srv/alt/slapos.cfg");
            assertThat(again.lastResultProperty().get()).isEqualTo("ok: Restart slappart0:sleeper-on-watch");
            assertThat(again.lastResultAtProperty().get()).isEqualTo(at);
            assertThat(model.list().rows())
                    .extracting(NodeRow::displayName)
                    .containsExactlyInAnyOrder("COMP-0 paris", "COMP-1 lille");
        } finally {
            lab.host.sh("mkdir -p /etc/opt/slapos && mv /srv/alt/slapos.cfg /etc/opt/slapos/slapos.cfg || true");
        }
    }

    @Test
    void aMissingSlaposStopsRepurposeBeforeAnyChange() throws Exception {
        lab.slaposConfig(2);
        String before = lab.host.sh("cat /etc/opt/slapos/slapos.cfg");
        String filesBefore = lab.host.sh("ls -a /etc/opt/slapos");
        model();
        NodeRow row = addAndSelect("/nonexistent/bin/slapos");
        model.connection().connect(row);
        ActionWizardModel wizard = model.wizard();
        wizard.choose("repurpose");
        wizard.set("partitions", "5");
        wizard.preview();
        assertThat(wizard.stateProperty().get()).isEqualTo(WizardState.FAILED);
        assertThat(wizard.resultProperty().get())
                .startsWith("Cannot plan: /nonexistent/bin/slapos is not installed on ")
                .endsWith("(nothing was changed)");
        assertThat(wizard.planTextProperty().get()).isEmpty();
        assertThat(lab.host.sh("cat /etc/opt/slapos/slapos.cfg")).isEqualTo(before);
        assertThat(lab.host.sh("ls -a /etc/opt/slapos")).as("no backup made").isEqualTo(filesBefore);
    }

    @Test
    void aFailingApplyShowsItsErrorAndPutsTheFileBack() throws Exception {
        lab.slaposConfig(2);
        String before = lab.host.sh("cat /etc/opt/slapos/slapos.cfg");
        model();
        // a slapos that is there but fails: the format step fails after slapos.cfg was changed
        NodeRow row = addAndSelect("false");
        model.connection().connect(row);
        ActionWizardModel wizard = model.wizard();
        wizard.choose("repurpose");
        wizard.set("partitions", "5");
        wizard.preview();
        assertThat(wizard.planTextProperty().get())
                .contains("-partition_amount = 2")
                .contains("+partition_amount = 5")
                .contains("'false' 'node' 'format'");
        wizard.apply();
        assertThat(wizard.stateProperty().get()).isEqualTo(WizardState.FAILED);
        assertThat(wizard.resultProperty().get())
                .contains("failed at step 2 of 2")
                .endsWith("Everything the plan changed was undone.");
        assertThat(wizard.output()).anyMatch(l -> l.startsWith("rolling back: "));
        assertThat(lab.host.sh("cat /etc/opt/slapos/slapos.cfg")).isEqualTo(before);
        assertThat(row.lastResultProperty().get()).isEqualTo("FAILED: Repurpose the node to 5 partitions");
        assertThat(direct.activity.entries()).first().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.FAILURE);
            assertThat(e.detail()).contains("undone");
        });
        assertThat(direct.notifications.active()).isNotEmpty();
    }

    @Test
    void theThreeIpv6CasesOfSeed000AreAppliedToSlaposCfg() throws Exception {
        lab.slaposConfig(2);
        model();
        NodeRow row = addAndSelect();
        model.connection().connect(row);
        ActionWizardModel wizard = model.wizard();
        wizard.choose("ipv6");
        String cfg = "/etc/opt/slapos/slapos.cfg";
        for (String[] mode : new String[][] {
            {"re6st", "ipv6_interface = lo"}, {"tap-vpn", "ipv6_interface = tapVPN"}, {"native", null}
        }) {
            wizard.set("mode", mode[0]);
            wizard.set("interface", "eth0");
            wizard.preview();
            assertThat(wizard.planTextProperty().get()).as(mode[0]).contains("+++ " + cfg);
            wizard.apply();
            assertThat(wizard.stateProperty().get()).as(mode[0]).isEqualTo(WizardState.SUCCEEDED);
            String text = lab.host.sh("cat " + cfg);
            assertThat(text).as(mode[0]).contains("interface_name = eth0");
            if (mode[1] != null) {
                assertThat(text).as(mode[0]).contains(mode[1]);
            } else {
                assertThat(text).as(mode[0]).doesNotContain("ipv6_interface");
            }
        }
        assertThat(direct.activity.entries()).hasSize(3).allSatisfy(e -> assertThat(e.outcome())
                .isEqualTo(AuditEntry.Outcome.SUCCESS));
    }

    @Test
    void theRegistrationTokenIsNeverShownNorLogged() throws Exception {
        String slapos = SlaposVenv.require().slapos().toString();
        lab.host.sh("rm -rf /etc/opt/slapos");
        model();
        NodeRow row = addAndSelect(slapos);
        model.connection().connect(row);
        ActionWizardModel wizard = model.wizard();
        wizard.choose("register");
        wizard.set("name", "COMP-GUI");
        wizard.set("token", "tok3n-9f8e7d");
        wizard.set("master", "http://127.0.0.1:1/");
        wizard.set("web", "http://127.0.0.1:1/");
        wizard.preview();
        assertThat(wizard.planTextProperty().get())
                .contains("'--token' '********'")
                .doesNotContain("tok3n");
        wizard.apply();
        assertThat(wizard.stateProperty().get()).isEqualTo(WizardState.FAILED);
        assertThat(wizard.resultProperty().get())
                .contains("register with the master")
                .doesNotContain("tok3n");
        assertThat(String.join("\n", wizard.output())).doesNotContain("tok3n");
        assertThat(direct.activity.entries()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("node: Register node \"COMP-GUI\" with http://127.0.0.1:1/");
            assertThat(e.detail()).doesNotContain("tok3n");
        });
        assertThat(direct.notifications.history())
                .allSatisfy(n -> assertThat(n.message() + n.details()).doesNotContain("tok3n"));
    }

    @Test
    void aSocatForwardIsAddedListedAndRemovedFromTheWizard() throws Exception {
        lab.host.sh("ip addr add 10.0.97.157/32 dev eth0 2>/dev/null || true");
        model();
        NodeRow row = addAndSelect();
        model.connection().connect(row);
        ActionWizardModel wizard = model.wizard();
        wizard.choose("forward");
        wizard.set("listen", "8081");
        wizard.set("target", "10.0.97.157:8080");
        wizard.preview();
        assertThat(wizard.planTextProperty().get())
                .contains("'TCP4-LISTEN:8081,fork,reuseaddr' 'TCP4:10.0.97.157:8080'");
        wizard.apply();
        assertThat(wizard.stateProperty().get())
                .as(wizard.resultProperty().get())
                .isEqualTo(WizardState.SUCCEEDED);
        assertThat(lab.host.sh("ss -Htln 'sport = :8081'")).contains(":8081");

        wizard.choose("forward-list");
        wizard.preview();
        assertThat(wizard.stateProperty().get()).isEqualTo(WizardState.ANSWERED);
        assertThat(wizard.output()).anySatisfy(l -> assertThat(l)
                .contains("8081")
                .contains("10.0.97.157:8080")
                .contains("  running"));

        wizard.choose("forward");
        wizard.set("operation", "remove");
        wizard.set("listen", "8081");
        wizard.set("target", "10.0.97.157:8080");
        wizard.preview();
        wizard.apply();
        assertThat(wizard.stateProperty().get())
                .as(wizard.resultProperty().get())
                .isEqualTo(WizardState.SUCCEEDED);
        assertThat(lab.host.sh("ss -Htln 'sport = :8081'")).isEmpty();
        wizard.choose("forward-list");
        wizard.preview();
        assertThat(wizard.output()).contains("no socat forward");
    }

    @Test
    void anExtraDiskIsMountedFromTheWizard() throws Exception {
        lab.slaposConfig(2);
        String disk = lab.host.newLoopDevice(16);
        lab.host.sh("mkfs.ext2 -q -F " + disk);
        model();
        NodeRow row = addAndSelect();
        model.connection().connect(row);
        ActionWizardModel wizard = model.wizard();
        wizard.choose("storage");
        wizard.set("devices", disk);
        wizard.set("base", "/data7");
        wizard.set("format", "false");
        wizard.preview();
        assertThat(wizard.planTextProperty().get()).contains("/etc/fstab").contains("/data7/data1");
        wizard.apply();
        assertThat(wizard.stateProperty().get())
                .as(wizard.resultProperty().get())
                .isEqualTo(WizardState.SUCCEEDED);
        assertThat(lab.host.sh("findmnt -n -o SOURCE /data7/data1").trim()).isEqualTo(disk);
        assertThat(lab.host.sh("cat /etc/opt/slapos/slapos.cfg")).contains("instance_storage_home = /data7");
    }

    @Test
    void re6stIsConfiguredFromTheWizardAndItsTokenNeverShows() throws Exception {
        lab.host.sh("rm -rf /etc/re6stnet-gui");
        model();
        NodeRow row = addAndSelect();
        model.connection().connect(row);
        ActionWizardModel wizard = model.wizard();
        wizard.choose("re6st-config");
        wizard.set("dir", "/etc/re6stnet-gui");
        wizard.set("registry", "http://127.0.0.1:9201/");
        wizard.set("ip", "10.0.97.1");
        wizard.set("gateway", "add");
        wizard.preview();
        assertThat(wizard.planTextProperty().get()).contains("+++ /etc/re6stnet-gui/re6stnet.conf");
        wizard.apply();
        assertThat(wizard.stateProperty().get())
                .as(wizard.resultProperty().get())
                .isEqualTo(WizardState.SUCCEEDED);
        String conf = lab.host.sh("cat /etc/re6stnet-gui/re6stnet.conf");
        assertThat(conf)
                .contains("registry http://127.0.0.1:9201/")
                .contains("ip 10.0.97.1")
                .contains("gateway");

        // with a token and a re6st-conf that refuses it: the apply fails, masked and undone
        lab.host.sh("printf '#!/bin/sh\\necho refused >&2\\nexit 1\\n' > /usr/local/bin/re6st-conf"
                + " && chmod 755 /usr/local/bin/re6st-conf");
        wizard.set("token", "re6-t0ken-xyz");
        wizard.preview();
        assertThat(wizard.planTextProperty().get()).contains("********").doesNotContain("re6-t0ken");
        wizard.apply();
        assertThat(wizard.stateProperty().get()).isEqualTo(WizardState.FAILED);
        assertThat(wizard.resultProperty().get())
                .doesNotContain("re6-t0ken")
                .endsWith("Everything the plan changed was undone.");
        assertThat(String.join("\n", wizard.output())).doesNotContain("re6-t0ken");
        assertThat(lab.host.sh("cat /etc/re6stnet-gui/re6stnet.conf")).isEqualTo(conf);
        assertThat(direct.activity.entries())
                .allSatisfy(e -> assertThat(e.action() + e.detail()).doesNotContain("re6-t0ken"));
        lab.host.sh("rm -f /usr/local/bin/re6st-conf");
    }

    @Test
    void aReadOnlyActionShowsItsAnswer() throws Exception {
        model();
        NodeRow row = addAndSelect();
        model.connection().connect(row);
        ActionWizardModel wizard = model.wizard();
        wizard.choose("re6st-status");
        wizard.preview();
        assertThat(wizard.stateProperty().get()).isEqualTo(WizardState.ANSWERED);
        assertThat(wizard.output()).singleElement().satisfies(l -> assertThat(l).startsWith("re6stnet: "));
        assertThat(direct.activity.entries())
                .as("reading is not an action to audit")
                .isEmpty();
    }
}
