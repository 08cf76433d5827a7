// Fills a local-master database with two nodes, three supplies and two services, and plays the
// node's side for one of them (contact, software built, instance started with connection
// parameters), so `./slapdesk --snapshot` has something to show. Used for docs/window-*.png:
//   DEMO_DB=/tmp/demo/slapdesk/local-master.sqlite jshell --class-path <app-gui classes + runtime classpath> docs/demo-data.jsh
//   XDG_DATA_HOME=/tmp/demo ./slapdesk --snapshot docs/window-services.png --view services
import java.nio.file.*;
import java.util.*;
import org.slapdesk.core.model.*;
import org.slapdesk.gui.profile.EmbeddedMaster;
var db = Path.of(System.getenv("DEMO_DB"));
var m = EmbeddedMaster.start(db);
// the node's side, through its own client of the SLAP dialect (as `slapos node` speaks it), with
// the User-Agent slapos.slap sends (python-requests): a console's User-Agent would read the node
// without counting as its contact, and the demo servers would look as if they never called
var url = java.net.URI.create(m.url());
var asANode = new org.slapdesk.core.master.ClientOptions(org.slapdesk.core.master.ClientOptions.DEFAULT_TIMEOUT, org.slapdesk.core.master.ClientOptions.DEFAULT_TIMEOUT, "python-requests/2.32.3", null, null);
var slap = new org.slapdesk.core.master.SlapEndpoint(org.slapdesk.core.master.MasterHttp.open(org.slapdesk.core.master.MasterProfile.plain("node", m.url()), asANode), url);
for (String node : List.of("COMP-0", "COMP-1")) {
  var parts = new ArrayList<Object>();
  for (int i = 0; i < 4; i++) {
    parts.add(Map.of("reference", "slappart" + i, "address_list", List.of(Map.of("addr", "10.0." + node.charAt(5) + "." + (i + 2), "netmask", "255.255.255.0")), "tap", Map.of("name", "slaptap" + i)));
  }
  slap.loadComputerConfigurationFromXml(new LinkedHashMap<String,Object>(Map.of("reference", node, "address", "10.0.0.1", "netmask", "255.255.255.0", "partition_list", parts)));
}
var re6st = "https://lab.nexedi.com/nexedi/slapos/raw/1.0.388/software/re6stnet/software.cfg";
var caddy = "https://lab.nexedi.com/nexedi/slapos/raw/1.0.388/software/caddy-frontend/software.cfg";
m.supply(re6st, "COMP-0");
m.supply(caddy, "COMP-0");
m.supply(caddy, "COMP-1");
var registry = m.request(new InstanceRequest("re6st-registry", re6st, "default", Map.of("ipv6-prefix", "fc01::/7", "prefix-length", "16"), false, Map.of("computer_guid", "COMP-0"), false, RequestedState.STARTED));
m.request(new InstanceRequest("frontend", caddy, "default", Map.of("domain", "example.com"), false, Map.of("computer_guid", "COMP-1"), false, RequestedState.STARTED));
// what a node does when it runs: contact, software built, instance deployed and its connection parameters
slap.getFullComputerInformation("COMP-0");
slap.availableSoftwareRelease(re6st, "COMP-0");
slap.buildingSoftwareRelease(caddy, "COMP-0");
var part = new org.slapdesk.core.master.SlapEndpoint.PartitionId("COMP-0", registry.partitionReference().orElseThrow());
slap.setComputerPartitionConnectionXml(part, Map.of("re6stry-url", "http://[fc01::1]:9201/", "monitor-base-url", "https://[fc01::1]:8196"), Optional.empty());
slap.startedComputerPartition(part);
m.close();
System.out.println("populated " + db);
/exit
