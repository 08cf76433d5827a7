package org.slapdesk.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slapdesk.core.wire.XmlMarshal;

/** The SLAP calls the load benchmark makes, built the way slapos.slap sends them. */
final class SlapCalls {

    static final String RELEASE = "https://lab.example.org/bench/software.cfg";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final URI base;

    /** {@code masterUrl} with or without its trailing slash. */
    SlapCalls(String masterUrl) {
        this.base = URI.create(masterUrl.endsWith("/") ? masterUrl : masterUrl + "/");
    }

    static String node(int index) {
        return "COMP-" + index;
    }

    HttpRequest format(String computer, int partitions) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("reference", "slappart" + i);
            p.put("address_list", List.of(Map.of("addr", "10.0.0." + (i + 2), "netmask", "255.255.255.255")));
            p.put("tap", Map.of("name", "slaptap" + i));
            list.add(p);
        }
        Map<String, Object> computerDict = new LinkedHashMap<>();
        computerDict.put("reference", computer);
        computerDict.put("address", "10.0.0.1");
        computerDict.put("netmask", "255.255.255.0");
        computerDict.put("partition_list", list);
        return post("loadComputerConfigurationFromXML", Map.of("xml", XmlMarshal.dumps(computerDict)));
    }

    HttpRequest supply(String computer) {
        return post("supplySupply", Map.of("url", RELEASE, "computer_id", computer, "state", "available"));
    }

    HttpRequest readNode(String computer) {
        return HttpRequest.newBuilder(base.resolve("getFullComputerInformation?computer_id=" + encode(computer)))
                .timeout(TIMEOUT)
                .GET()
                .build();
    }

    HttpRequest request(String title, String computer) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("software_release", RELEASE);
        form.put("partition_reference", title);
        form.put("partition_parameter_xml", XmlMarshal.dumps(Map.of("title", title)));
        form.put("filter_xml", XmlMarshal.dumps(Map.of("computer_guid", computer)));
        form.put("software_type", "default");
        form.put("state", XmlMarshal.dumps("started"));
        form.put("shared_xml", XmlMarshal.dumps(false));
        return post("requestComputerPartition", form);
    }

    HttpRequest reportStarted(String computer, String partition) {
        return post("startedComputerPartition", Map.of("computer_id", computer, "computer_partition_id", partition));
    }

    private HttpRequest post(String method, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(base.resolve(method))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
