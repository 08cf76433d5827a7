package org.slapdesk.gui.nodes.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slapdesk.remote.action.InvalidInputException;
import org.slapdesk.remote.action.NodeAction;
import org.slapdesk.remote.action.bridge.BridgeAction;
import org.slapdesk.remote.action.bridge.BridgeSettings;
import org.slapdesk.remote.action.slapos.SlaposNode;

class ActionCatalogTest {

    private static final ActionContext CONTEXT = ActionContext.unconnected(SlaposNode.standard());

    private static NodeAction build(String id, Map<String, String> typed) {
        ActionSpec spec = ActionCatalog.find(id).orElseThrow();
        Map<String, String> values = new HashMap<>();
        spec.fields().forEach(f -> values.put(f.key(), f.defaultValue()));
        values.putAll(typed);
        return spec.builder().build(new ActionValues(values), CONTEXT);
    }

    @Test
    void registerNeedsTheMasterUrlsAndAssumesNone() {
        assertThatThrownBy(() -> build("register", Map.of("name", "COMP-9", "token", "t")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Master URL is required: the API URL of the master the node registers with");
        assertThatThrownBy(() ->
                        build("register", Map.of("name", "COMP-9", "token", "t", "master", "https://slap.example.org")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Master web URL is required");
    }

    @Test
    void theCatalogCoversEveryNodeProcedureOfTheSeeds() {
        assertThat(ActionCatalog.all())
                .extracting(ActionSpec::id)
                .containsExactly(
                        "ipv6",
                        "lo-ipv6",
                        "register",
                        "format",
                        "repurpose",
                        "kvm",
                        "bridge",
                        "unbridge",
                        "forward",
                        "forward-list",
                        "storage",
                        "remove-disk",
                        "re6st-install",
                        "re6st-config",
                        "re6st-status",
                        "ha-status",
                        "ha-operate",
                        "status");
    }

    @Test
    void removeDiskAndUndoTheBridgeBuildFromTheirForms() {
        assertThat(build("remove-disk", Map.of("folder", "/data/data2")).title())
                .isEqualTo("Remove the extra disk /data/data2 from /data");
        assertThat(build("remove-disk", Map.of("device", "/dev/sdc1")).title())
                .isEqualTo("Remove the extra disk /dev/sdc1 from /data");
        assertThatThrownBy(() -> build("remove-disk", Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("by its device");
        assertThat(build("unbridge", Map.of()).title())
                .isEqualTo("Take eth0 out of the bridge br0 and remove the bridge");
    }

    @Test
    void descriptionsSpeakOfTheNodeNotOfDocumentsOrCommands() {
        assertThat(ActionCatalog.all()).allSatisfy(spec -> assertThat(spec.description())
                .doesNotContainIgnoringCase("seed")
                .doesNotStartWith("slapos ")
                .matches("[A-Z].*\\."));
    }

    @Test
    void eachChangingActionBuildsFromItsForm() {
        assertThat(build("ipv6", Map.of("mode", "re6st")).title())
                .isEqualTo("IPv6 settings (re6st) in /etc/opt/slapos/slapos.cfg");
        assertThat(build("ipv6", Map.of("mode", "native")).title()).contains("(native)");
        assertThat(build("ipv6", Map.of("mode", "tap-vpn")).title()).contains("(tap vpn)");
        assertThat(build("lo-ipv6", Map.of()).title()).isEqualTo("Add temporary IPv6 fc01::1/32 on lo");
        assertThat(build("lo-ipv6", Map.of("operation", "remove")).title()).startsWith("Remove temporary IPv6");
        NodeAction register = build(
                "register",
                Map.of(
                        "name",
                        "COMP-9",
                        "token",
                        "s3cr3t-token",
                        "master",
                        "https://slap.example.org",
                        "web",
                        "https://panel.example.org"));
        assertThat(register.title())
                .isEqualTo("Register node \"COMP-9\" with https://slap.example.org")
                .doesNotContain("s3cr3t");
        assertThat(build("format", Map.of("alter-user", "true")).title()).isEqualTo("Format the node (creating users)");
        assertThat(build("repurpose", Map.of("partitions", "30")).title())
                .isEqualTo("Repurpose the node to 30 partitions");
        assertThat(build("kvm", Map.of()).title()).startsWith("Enable KVM");
        assertThat(build("forward", Map.of("listen", "80", "target", "10.0.97.156:8080"))
                        .title())
                .startsWith("Forward ");
        assertThat(build("storage", Map.of("devices", "/dev/sdb1, /dev/sdc1")).title())
                .isEqualTo("Add 2 disk(s) under /data for partitions");
        assertThat(build("re6st-install", Map.of()).title()).isEqualTo("Install re6st-node");
        assertThat(build("re6st-config", Map.of("registry", "http://192.0.2.1:9201/", "token", "tok"))
                        .title())
                .isEqualTo("re6st configuration in /etc/re6stnet");
        assertThat(build("ha-operate", Map.of("operation", "switch", "path", "slapos/svc/comp1"))
                        .title())
                .isEqualTo("OpenSVC switch slapos/svc/comp1");
        BridgeAction bridge = (BridgeAction) build(
                "bridge",
                Map.of(
                        "style",
                        "generic",
                        "addressing",
                        "static",
                        "addresses",
                        "192.0.2.10/24",
                        "gateway4",
                        "192.0.2.1",
                        "confirm",
                        "60"));
        assertThat(bridge.settings().style()).isEqualTo(BridgeSettings.Style.GENERIC);
        assertThat(bridge.settings().confirmWithin().toSeconds()).isEqualTo(60);
        assertThat(bridge.settings().slaposConfig()).contains("/etc/opt/slapos/slapos.cfg");
    }

    @Test
    void badInputIsRefusedWithNodeRemotesOwnMessage() {
        assertThatThrownBy(() -> build("lo-ipv6", Map.of("address", "fc01::1")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("'fc01::1' needs a prefix length, e.g. fc01::1/32");
        assertThatThrownBy(() -> build("register", Map.of("name", "COMP-9")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Token is required");
        assertThatThrownBy(() -> build("repurpose", Map.of("partitions", "many")))
                .hasMessage("Partitions: 'many' is not a whole number");
        assertThatThrownBy(() -> build("forward", Map.of("listen", "80", "target", "10.0.97.156")))
                .hasMessageContaining("needs ADDRESS:PORT");
        assertThatThrownBy(() -> build("storage", Map.of("devices", "sdb1")))
                .hasMessageContaining("is not a device path");
        assertThatThrownBy(() -> build("bridge", Map.of("style", "generic", "addressing", "dhcp")))
                .hasMessageContaining("runs no DHCP client");
        assertThatThrownBy(() -> build("bridge", Map.of("confirm", "5")))
                .hasMessageContaining("between 15 s and 1 hour");
        assertThatThrownBy(() -> build("bridge", Map.of("gateway4", "192.0.2.1")))
                .hasMessage("static addresses and gateways go with static addressing, not with 'default'");
        assertThatThrownBy(() -> build("re6st-config", Map.of("token", "tok")))
                .hasMessageContaining("give the registry URL too");
        assertThatThrownBy(() -> build("ha-operate", Map.of("path", "slapos/cfg/x")))
                .hasMessageContaining("only services");
    }

    @Test
    void queriesCheckTheirFormBeforeRunning() {
        ActionSpec status = ActionCatalog.find("ha-status").orElseThrow();
        status.validate(new ActionValues(Map.of("path", "")), CONTEXT);
        assertThatThrownBy(() -> status.validate(new ActionValues(Map.of("path", "not a path")), CONTEXT))
                .isInstanceOf(IllegalArgumentException.class);
        ActionSpec list = ActionCatalog.find("forward-list").orElseThrow();
        assertThatThrownBy(() -> list.validate(new ActionValues(Map.of("instance-root", "srv")), CONTEXT))
                .hasMessageContaining("not an absolute path");
        assertThat(List.of(status, list)).noneMatch(ActionSpec::changesTheNode);
    }
}
