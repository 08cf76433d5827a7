package org.slapdesk.cli;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slapdesk.core.master.ClientOptions;
import org.slapdesk.core.master.MasterHttp;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.SlapEndpoint;
import org.slapdesk.core.master.SlapMaster;
import org.slapdesk.core.model.InstanceRequest;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.model.SoftwareInstance;
import org.slapdesk.core.wire.ComputerConfiguration;
import org.slapdesk.core.wire.ComputerConfiguration.Address;
import org.slapdesk.core.wire.ComputerConfiguration.Partition;
import org.slapdesk.master.LocalMaster;

/**
 * A started service on a real local master whose connection parameters publish an instance
 * monitor, as the monitor stack publishes it: {@code monitor-base-url} and a
 * {@code monitor-setup-url} that carries the user name and password.
 */
final class ServiceWithMonitor {

    static final String SOFTWARE = "https://lab.example/software/shop.cfg";
    static final String NODE = "SHOP-1";

    private ServiceWithMonitor() {}

    static void publish(LocalMaster local, String title, URI monitorBase, String password) throws Exception {
        try (MasterHttp node =
                        MasterHttp.open(MasterProfile.plain("node", local.url().toString()), ClientOptions.defaults());
                SlapMaster client = SlapMaster.open(
                        MasterProfile.plain("local", local.url().toString()).withRestUrl(local.hateoasUrl()),
                        ClientOptions.defaults())) {
            new SlapEndpoint(node, local.url())
                    .loadComputerConfigurationFromXml(ComputerConfiguration.minimal(
                            NODE,
                            "10.0.0.1",
                            "255.255.255.0",
                            List.of(Partition.simple(
                                    "slappart0",
                                    "/srv/slapgrid/slappart0",
                                    List.of(Address.of("10.0.0.2", "255.255.255.255")),
                                    "slaptap0"))));
            local.service().fullComputerInformation(NODE, true);
            SoftwareInstance service = client.request(new InstanceRequest(
                    title,
                    SOFTWARE,
                    "default",
                    Map.of(),
                    false,
                    Map.of("computer_guid", NODE),
                    false,
                    RequestedState.STARTED));
            String partition = service.partitionReference().orElseThrow();
            local.service().instanceReport(NODE, partition, "started");
            local.service()
                    .setConnection(
                            NODE,
                            partition,
                            Map.of(
                                    "monitor-base-url",
                                    monitorBase.toString(),
                                    "monitor-setup-url",
                                    "https://monitor.app.officejs.com/#page=settings_configurator&url=" + monitorBase
                                            + "/public/feeds&username=admin&password=" + password),
                            null);
        }
    }
}
