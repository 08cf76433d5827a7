package org.slapdesk.gui.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.slapdesk.core.health.Health;
import org.slapdesk.core.model.AccessStatus;
import org.slapdesk.core.model.ComputeNode;
import org.slapdesk.core.model.ComputeNodeDetail;
import org.slapdesk.core.model.ComputePartition;
import org.slapdesk.core.model.InstanceRequest;
import org.slapdesk.core.model.InstanceTree;
import org.slapdesk.core.model.PartitionState;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.model.ServiceDetail;
import org.slapdesk.gui.Direct;
import org.slapdesk.gui.FakeMaster;
import org.slapdesk.gui.notify.Notification;
import org.slapdesk.gui.task.TaskItem;
import org.slapdesk.gui.task.TaskState;

class ServicesViewModelTest {

    private static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");
    private static final String RE6ST = "https://lab.example/software/re6stnet/software.cfg";

    private final Direct direct = new Direct(NOW);
    private final ServicesViewModel model =
            new ServicesViewModel(direct.session, direct.tasks, direct.health, direct.activity, direct.clock);

    private ServicesViewModelTest() {
        direct.master.services.put(
                "registry",
                FakeMaster.service(
                        "registry",
                        RE6ST,
                        Map.of("ipv6-prefix", "fc01::/7", "prefix-length", "16"),
                        Map.of("url", "http://[fc01::1]:9201/", "token", "abc"),
                        FakeMaster.access(NOW)));
        hostOnANode("registry", FakeMaster.access(NOW));
    }

    /** The fleet colours a service from its root instance's partition, read with the nodes. */
    private void hostOnANode(String title, Optional<AccessStatus> status) {
        String node = "COMP-" + title;
        direct.master.nodes.put(
                node,
                new ComputeNodeDetail(
                        new ComputeNode(node, node, status),
                        List.of(new ComputePartition(
                                "slappart0",
                                node,
                                PartitionState.BUSY,
                                Optional.of(title),
                                Optional.of(RE6ST),
                                Optional.of(RequestedState.STARTED),
                                status)),
                        List.of()));
    }

    @Test
    void aRefreshListsServicesWithHealthReleaseTypeAndState() {
        direct.connected();
        model.list().refresh();
        assertThat(model.list().rows()).hasSize(1);
        ServiceRow row = model.list().rows().get(0);
        assertThat(row.title()).isEqualTo("registry");
        assertThat(row.releaseProperty().get()).isEqualTo(RE6ST);
        assertThat(row.softwareTypeProperty().get()).isEqualTo("default");
        assertThat(row.requestedStateProperty().get()).isEqualTo("started");
        assertThat(row.health().level()).isEqualTo(Health.Level.GREEN);
        assertThat(model.releasesInUse()).containsExactly(RE6ST);
    }

    @Test
    void selectingAServiceShowsItsInstancesParametersAndConnectionParameters() {
        direct.connected();
        model.list().refresh();
        model.list().selectedProperty().set(model.list().rows().get(0));
        assertThat(model.instances()).extracting(InstanceRow::title).containsExactly("registry");
        assertThat(model.instances().get(0).location()).isEqualTo("COMP-0 / slappart0");
        assertThat(model.parameters())
                .containsExactly(new KeyValue("ipv6-prefix", "fc01::/7"), new KeyValue("prefix-length", "16"));
        assertThat(model.connectionParameters())
                .containsExactly(new KeyValue("token", "abc"), new KeyValue("url", "http://[fc01::1]:9201/"));
        assertThat(model.connectionParameters().get(1).isUrl()).isTrue();
        assertThat(model.connectionParameters().get(0).isUrl()).isFalse();
    }

    @Test
    void stateChangesGoToTheMasterAndTheAuditLog() {
        direct.connected();
        model.changeState("registry", RequestedState.STOPPED);
        model.changeState("registry", RequestedState.DESTROYED);
        assertThat(direct.master.calls).containsExactly("stopped registry", "destroyed registry");
        assertThat(direct.activity.entries()).extracting(e -> e.action()).containsExactly("Destroy", "Stop");
    }

    @Test
    void eachAcceptedActionSaysSoInAShortNoticeThatIsNotAnError() {
        direct.connected();
        model.changeState("registry", RequestedState.STOPPED);
        model.request(request("token-1"));
        assertThat(direct.notifications.active())
                .extracting(n -> n.level(), n -> n.title())
                .containsExactly(
                        tuple(Notification.Level.SUCCESS, "Requested token-1"),
                        tuple(Notification.Level.SUCCESS, "Stop requested for registry"));
        assertThat(direct.notifications.active().get(0).message()).isEqualTo("allocated on COMP-0 / slappart0");
        assertThat(direct.notifications.active()).allMatch(Notification::fades);
    }

    @Test
    void theOfferedActionsFollowTheSelectedServicesState() {
        direct.connected();
        model.list().refresh();
        model.list().selectedProperty().set(model.list().rows().get(0));
        assertThat(offered()).containsExactly(ServiceAction.STOP, ServiceAction.PARAMETERS, ServiceAction.DESTROY);

        putInState("registry", RequestedState.STOPPED);
        model.list().refresh();
        assertThat(offered()).containsExactly(ServiceAction.START, ServiceAction.PARAMETERS, ServiceAction.DESTROY);

        putInState("registry", RequestedState.DESTROYED);
        model.list().refresh();
        assertThat(offered()).as("a destroyed service cannot be brought back").isEmpty();

        model.list().selectedProperty().set(null);
        assertThat(offered()).isEmpty();
    }

    private List<ServiceAction> offered() {
        return Stream.of(ServiceAction.values())
                .filter(action -> model.offers(action).get())
                .toList();
    }

    private void putInState(String title, RequestedState state) {
        ServiceDetail detail = direct.master.services.get(title);
        InstanceTree tree = detail.tree();
        direct.master.services.put(
                title,
                new ServiceDetail(
                        new InstanceTree(
                                tree.title(),
                                tree.softwareReleaseUrl(),
                                tree.softwareType(),
                                Optional.of(state),
                                tree.shared(),
                                tree.status()),
                        detail.instances()));
    }

    @Test
    void aNotReadyAnswerWaitsForAPartitionAndRetriesByItself() {
        direct.connected();
        direct.master.notReadyAnswers = 3;
        List<String> messages = new ArrayList<>();
        model.pendingRequestProperty().addListener((o, was, now) -> messages.add(now));

        TaskItem item = model.request(request("token-1"));

        assertThat(item.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(direct.master.calls)
                .containsExactly("request token-1", "request token-1", "request token-1", "request token-1");
        assertThat(messages)
                .filteredOn(m -> !m.isEmpty())
                .hasSize(3)
                .allMatch(m -> m.contains("waiting for a partition"));
        assertThat(messages.get(messages.size() - 1)).isEmpty();
        assertThat(model.list().rows()).extracting(ServiceRow::title).contains("token-1");
        assertThat(direct.activity.entries().get(0).outcomeText()).isEqualTo("done: allocated on COMP-0 / slappart0");
    }

    @Test
    void aWaitingRequestCanBeCancelled() {
        direct.connected();
        direct.master.notReadyAnswers = Integer.MAX_VALUE;
        // the fake sleeper returns at once, so cancel from inside the wait loop after a few tries
        AtomicReference<TaskItem> item = new AtomicReference<>();
        model.pendingRequestProperty().addListener((o, was, now) -> {
            if (now.contains("try 3") && item.get() != null) {
                item.get().cancel();
            }
        });
        direct.tasks.tasks().addListener((ListChangeListener<TaskItem>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(item::set);
            }
        });
        TaskItem started = model.request(request("never"));
        assertThat(started.state()).isEqualTo(TaskState.CANCELLED);
        assertThat(direct.master.requests).isEmpty();
        assertThat(direct.notifications.history()).isEmpty();
        assertThat(direct.activity.entries().get(0).outcomeText()).isEqualTo("cancelled");
    }

    @Test
    void withoutAMasterARequestSaysWhyInsteadOfFailingSilently() {
        direct.session.open(null);
        assertThat(model.request(request("orphan"))).isNull();
        assertThat(direct.notificationTitles()).containsExactly("Cannot request orphan");
        assertThat(direct.master.calls).isEmpty();
    }

    private static InstanceRequest request(String title) {
        return new InstanceRequest(
                title,
                RE6ST,
                "default",
                Map.of(),
                false,
                Map.of("computer_guid", "COMP-0"),
                false,
                RequestedState.STARTED);
    }

    @Test
    void aServiceWhoseInstanceNeverReportedWaitsGreyForItsNodesFirstReport() {
        direct.master.services.put("fresh", FakeMaster.service("fresh", RE6ST, Map.of(), Map.of(), Optional.empty()));
        hostOnANode("fresh", Optional.empty());
        direct.connected();
        model.list().refresh();
        assertThat(model.list().rows())
                .filteredOn(r -> r.title().equals("fresh"))
                .first()
                .satisfies(r -> {
                    // red only once a silent node would be red (core AwaitedReportTest)
                    assertThat(r.health().level()).isEqualTo(Health.Level.GREY);
                    assertThat(r.health().reason()).startsWith("Waiting for its node's first report");
                });
    }
}
