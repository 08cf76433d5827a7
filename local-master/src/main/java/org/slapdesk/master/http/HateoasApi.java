package org.slapdesk.master.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slapdesk.master.MasterQueries;
import org.slapdesk.master.MasterQueries.NodeView;
import org.slapdesk.master.MasterQueries.TreeView;
import org.slapdesk.master.RequestError;
import org.slapdesk.master.store.ParameterColumns;
import org.slapdesk.master.store.Rows.Changed;
import org.slapdesk.master.store.Rows.Installation;
import org.slapdesk.master.store.Rows.InstallationStatus;
import org.slapdesk.master.store.Rows.Instance;
import org.slapdesk.master.store.Rows.Node;
import org.slapdesk.master.store.Rows.NodeStatus;
import org.slapdesk.master.store.Rows.Partition;
import org.slapdesk.master.store.Rows.PartitionRow;
import org.slapdesk.master.store.Rows.Removed;
import org.slapdesk.master.store.Store;

/**
 * The HAL+JSON subset {@code slapos service list|info} and {@code computer list|info} read
 * (docs/protocol.md, "HATEOAS"): a root document with {@code raw_search} and {@code traverse} templates,
 * the four catalog queries, and {@code slaposjs_view} documents of Instance Trees and Compute Nodes.
 */
final class HateoasApi {

    static final String TREE_MODULE = "instance_tree_module/";
    static final String NODE_MODULE = "compute_node_module/";
    static final String ME = "person_module/local";

    private static final String TREES = "portal_type:\"Instance Tree\" AND validation_state:validated";
    private static final String NODES = "portal_type:\"Compute Node\" AND validation_state:validated";
    private static final String INSTALLATIONS = "portal_type:\"Software Installation\" AND validation_state:validated";
    /** Every partition with its instance, the whole fleet at once (no such query in the slapos CLI). */
    private static final String PARTITIONS = "portal_type:\"Compute Partition\" AND validation_state:validated";

    private static final String INSTANCES =
            "portal_type:(\"Software Instance\", \"Slave Instance\") AND validation_state:validated";
    private static final Set<String> FLEET_SEARCHES = Set.of(NODES, PARTITIONS, INSTALLATIONS, TREES);
    /** The answer's counter: a later search may ask only what changed after it. */
    static final String CHANGE_COUNTER = "change_counter";
    /** Names the database the counter counts in: a counter from another database means nothing here. */
    static final String CHANGE_SOURCE = "change_source";
    /** The query term asking for the rows changed after a counter, in the catalog's range syntax. */
    private static final Pattern CHANGED_SINCE = Pattern.compile("\\s+AND\\s+change_counter:>\"?(\\d{1,19})\"?$");

    private static final Pattern CONDITION = Pattern.compile("\\s+AND\\s+([a-z_]+):=\"(.*?)\"(?=\\s+AND\\s+|$)");

    private final MasterQueries master;

    HateoasApi(MasterQueries master) {
        this.master = master;
    }

    Map<String, Object> root(String base) {
        String hateoas = base + "hateoas/";
        return Map.of(
                "_links",
                Map.of(
                        "raw_search",
                                Map.of(
                                        "href",
                                        hateoas + "search?query={query}&select_list={select_list}&limit={limit}"),
                        "traverse", Map.of("href", hateoas + "traverse?relative_url={relative_url}&view={view}"),
                        "me", Map.of("href", "urn:jio:get:" + ME),
                        "self", Map.of("href", base + "hateoas")));
    }

    Object search(String query, Predicate<String> visibleTree) {
        if (query == null) {
            throw RequestError.badRequest("missing 'query'");
        }
        Matcher sinceTerm = CHANGED_SINCE.matcher(query);
        if (sinceTerm.find()) {
            return fleetSearch(query.substring(0, sinceTerm.start()), parseCounter(sinceTerm.group(1)), visibleTree);
        }
        if (FLEET_SEARCHES.contains(query)) {
            return fleetSearch(query, Store.EVERY_ROW, visibleTree);
        }
        List<Map<String, Object>> rows;
        if (query.startsWith(TREES)) {
            Map<String, String> where = conditions(query.substring(TREES.length()));
            rows = new ArrayList<>();
            for (TreeView tree : master.trees(where.get("title"))) {
                if (!visibleTree.test(tree.root().title())) {
                    continue;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("title", tree.root().title());
                row.put("url_string", tree.root().softwareRelease());
                row.put("slap_state", tree.root().requestedState());
                row.put("source_reference", tree.root().softwareType());
                row.put("relative_url", TREE_MODULE + encode(tree.root().title()));
                rows.add(row);
            }
        } else if (query.startsWith(NODES)) {
            Map<String, String> where = conditions(query.substring(NODES.length()));
            String reference = where.getOrDefault("reference", where.get("title"));
            rows = new ArrayList<>();
            for (Node node : master.nodeRows(reference)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("title", node.title());
                row.put("reference", node.reference());
                row.put("relative_url", NODE_MODULE + encode(node.reference()));
                rows.add(row);
            }
        } else if (query.startsWith(INSTALLATIONS)) {
            Map<String, String> where = conditions(query.substring(INSTALLATIONS.length()));
            rows = new ArrayList<>();
            for (NodeView node : master.nodes(where.get("default_aggregate_reference"))) {
                for (Installation i : node.installations()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("relative_url", NODE_MODULE + encode(node.node().reference()) + "/" + encode(i.url()));
                    row.put("url_string", i.url());
                    row.put(
                            "SoftwareInstallation_getNewsDict",
                            node.installationStatus().get(i.url()));
                    rows.add(row);
                }
            }
        } else if (query.startsWith(INSTANCES)) {
            Map<String, String> where = conditions(query.substring(INSTANCES.length()));
            rows = new ArrayList<>();
            for (TreeView tree : master.trees(where.get("default_specialise_title"))) {
                if (!visibleTree.test(tree.root().title())) {
                    continue;
                }
                for (Instance i : tree.members()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("title", i.title());
                    row.put("relative_url", "software_instance_module/" + i.guid());
                    row.put("portal_type", i.shared() ? "Slave Instance" : "Software Instance");
                    row.put("url_string", i.softwareRelease());
                    row.put("text_content", i.parameterXml());
                    row.put("getConnectionXmlAsDict", ParameterColumns.read(i.connectionXml()));
                    rows.add(row);
                }
            }
        } else {
            throw RequestError.badRequest("unhandled query: " + query);
        }
        return Map.of("_embedded", Map.of("contents", rows));
    }

    /**
     * One of the four fleet-wide searches: every row, or with {@code since} the rows changed after
     * that counter and the keys of those removed since. Either answer carries the database's
     * counter and source, which is how a console learns it may ask for changes next time.
     */
    private Object fleetSearch(String query, long since, Predicate<String> visibleTree) {
        List<Map<String, Object>> removed = new ArrayList<>();
        Map<String, Object> members = new LinkedHashMap<>();
        StreamedSearchAnswer<?> answer;
        Changed<?> changed;
        switch (query) {
            case NODES -> {
                Changed<NodeStatus> nodes = master.nodesWithStatus(since);
                nodes.removed().forEach(r -> removed.add(Map.of("reference", r.reference())));
                answer = new StreamedSearchAnswer<>(nodes.rows(), (n, out) -> out.writeObject(nodeRow(n)), members);
                changed = nodes;
            }
            case PARTITIONS -> {
                Changed<PartitionRow> partitions = master.partitionRows(since);
                partitions.removed().forEach(r -> removed.add(removedChild(r)));
                answer = new StreamedSearchAnswer<>(
                        partitions.rows(), (p, out) -> writePartition(p, visibleTree, out), members);
                changed = partitions;
            }
            case INSTALLATIONS -> {
                Changed<InstallationStatus> installations = master.installationsWithStatus(since);
                installations.removed().forEach(r -> removed.add(removedChild(r)));
                answer = new StreamedSearchAnswer<>(
                        installations.rows(), (i, out) -> out.writeObject(installationRow(i)), members);
                changed = installations;
            }
            case TREES -> {
                Changed<Instance> roots = master.roots(since);
                List<Instance> visible = roots.rows().stream()
                        .filter(root -> visibleTree.test(root.title()))
                        .toList();
                roots.removed().stream()
                        .filter(r -> visibleTree.test(r.reference()))
                        .forEach(r -> removed.add(Map.of("title", r.reference())));
                answer = new StreamedSearchAnswer<>(visible, (root, out) -> out.writeObject(treeRow(root)), members);
                changed = roots;
            }
            default -> throw RequestError.badRequest("no change counter on the search: " + query);
        }
        if (changed.source() != null) {
            members.put(CHANGE_COUNTER, changed.counter());
            members.put(CHANGE_SOURCE, changed.source());
        }
        if (since != Store.EVERY_ROW) {
            members.put("removed", removed);
        }
        return answer;
    }

    private static long parseCounter(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw RequestError.badRequest("change counter out of range: " + digits);
        }
    }

    private static Map<String, Object> removedChild(Removed r) {
        return Map.of("parent_reference", r.parent(), "reference", r.reference());
    }

    private static Map<String, Object> treeRow(Instance root) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("title", root.title());
        row.put("url_string", root.softwareRelease());
        row.put("slap_state", root.requestedState());
        row.put("source_reference", root.softwareType());
        row.put("relative_url", TREE_MODULE + encode(root.title()));
        return row;
    }

    /** A node with its access status, so a console needs no call per node. */
    private Map<String, Object> nodeRow(NodeStatus n) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("title", n.node().title());
        row.put("reference", n.node().reference());
        row.put("relative_url", NODE_MODULE + encode(n.node().reference()));
        row.put("access_status", n.status() == null ? null : master.brief(n.status()));
        return row;
    }

    /**
     * A partition of the fleet; the instance on a busy one is named only to who may see its tree
     * (a busy partition of another user's tree shows as busy, nothing more).
     */
    private void writePartition(PartitionRow p, Predicate<String> visibleTree, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("reference", p.reference());
        out.writeStringField("parent_reference", p.computerReference());
        out.writeStringField("slap_state", p.busy() ? "busy" : "free");
        if (p.busy() && visibleTree.test(p.rootTitle())) {
            out.writeStringField("title", p.instanceTitle());
            out.writeStringField("url_string", p.softwareRelease());
            out.writeStringField("requested_state", p.requestedState());
            out.writeStringField("access_status_text", master.statusText(p));
        }
        out.writeEndObject();
    }

    private Map<String, Object> installationRow(InstallationStatus i) {
        Installation installation = i.installation();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(
                "relative_url",
                NODE_MODULE + encode(installation.computerReference()) + "/" + encode(installation.url()));
        row.put("url_string", installation.url());
        row.put("parent_reference", installation.computerReference());
        row.put("requested_state", installation.requestedState());
        row.put("access_status", i.status() == null ? null : master.brief(i.status()));
        return row;
    }

    private static Map<String, String> conditions(String rest) {
        Map<String, String> where = new LinkedHashMap<>();
        Matcher m = CONDITION.matcher(rest);
        int end = 0;
        while (m.find() && m.start() == end) {
            where.put(m.group(1), m.group(2));
            end = m.end();
        }
        if (end != rest.length()) {
            throw RequestError.badRequest(
                    "unhandled query condition: " + rest.substring(end).trim());
        }
        return where;
    }

    Map<String, Object> traverse(String relativeUrl, Predicate<String> visibleTree) {
        if (relativeUrl == null) {
            throw RequestError.badRequest("missing 'relative_url'");
        }
        if (relativeUrl.startsWith(TREE_MODULE)) {
            String title = decode(relativeUrl.substring(TREE_MODULE.length()));
            List<TreeView> trees = master.trees(title);
            if (trees.isEmpty() || !visibleTree.test(title)) {
                throw RequestError.notFound("no instance tree titled '" + title + "'");
            }
            return treeDocument(trees.get(0));
        }
        if (relativeUrl.startsWith(NODE_MODULE)) {
            String reference = decode(relativeUrl.substring(NODE_MODULE.length()));
            List<NodeView> nodes = master.nodes(reference);
            if (nodes.isEmpty()) {
                throw RequestError.notFound("no compute node '" + reference + "'");
            }
            return nodeDocument(nodes.get(0));
        }
        if (ME.equals(relativeUrl)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("form_id", field("form_id", "Person_viewAsHateoas", "StringField"));
            view.put("my_reference", field("reference", "local", "StringField"));
            view.put("my_title", field("title", "Local user", "StringField"));
            return document(view, "Person");
        }
        throw RequestError.notFound("no document at '" + relativeUrl + "'");
    }

    private Map<String, Object> treeDocument(TreeView tree) {
        Instance root = tree.root();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("form_id", field("form_id", "InstanceTree_viewAsHateoas", "StringField"));
        view.put("my_reference", field("field_my_reference", root.title(), "StringField"));
        view.put("my_title", field("field_my_title", root.title(), "StringField"));
        view.put("my_slap_state", field("field_my_slap_state", root.requestedState(), "StringField"));
        view.put("my_text_content", field("field_my_text_content", root.parameterXml(), "TextAreaField"));
        view.put(
                "my_connection_parameter_list",
                field(
                        "field_my_connection_parameter_list",
                        ParameterColumns.asKeyValueList(root.connectionXml()),
                        "StringField"));
        view.put("my_url_string", field("field_my_url_string", root.softwareRelease(), "StringField"));
        view.put("my_source_reference", field("field_my_source_reference", root.softwareType(), "StringField"));
        view.put("my_root_slave", field("field_my_root_slave", root.shared() ? 1 : 0, "IntegerField"));
        List<Object> news = new ArrayList<>();
        news.add(tree.status());
        view.put("my_news", field("field_my_news", Map.of("instance", news), "StringField"));
        return document(view, "Instance Tree");
    }

    private Map<String, Object> nodeDocument(NodeView node) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("form_id", field("form_id", "ComputeNode_viewAsHateoas", "StringField"));
        view.put("my_reference", field("field_my_reference", node.node().reference(), "StringField"));
        view.put("my_title", field("field_my_title", node.node().title(), "StringField"));
        Map<String, Object> partitionNews = new LinkedHashMap<>();
        for (Partition p : node.partitions()) {
            Map<String, Object> status = node.partitionStatus().get(p.reference());
            if (status != null) {
                partitionNews.put(p.reference(), status);
            }
        }
        Map<String, Object> news = new LinkedHashMap<>();
        news.put("computer", node.status());
        news.put("partition", partitionNews);
        view.put("my_news", field("field_my_news", news, "StringField"));
        return document(view, "Compute Node");
    }

    private static Map<String, Object> field(String key, Object value, String type) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", type);
        f.put("key", key);
        f.put("default", value);
        return f;
    }

    private static Map<String, Object> document(Map<String, Object> view, String portalType) {
        return Map.of("_embedded", Map.of("_view", view), "_links", Map.of("type", Map.of("name", portalType)));
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RequestError.badRequest("malformed relative_url: " + s);
        }
    }
}
