package org.slapdesk.master;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slapdesk.core.wire.XmlMarshal;

/** A small SLAP / JSON-RPC client for tests, speaking the wire directly. */
final class MasterHttp {

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    MasterHttp(URI base) {
        this.base = base;
    }

    static Map<String, String> form(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    HttpResponse<String> post(String method, Map<String, String> fields) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(base.resolve(method))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String method, Map<String, String> fields) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(base.resolve(method + "?" + encode(fields)))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> json(String method, String body) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(base.resolve(method))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A user-side request as slapos.slap sends it. */
    HttpResponse<String> request(
            String title,
            String release,
            Map<String, Object> parameters,
            Map<String, Object> sla,
            String state,
            boolean shared)
            throws IOException, InterruptedException {
        return post(
                "requestComputerPartition",
                form(
                        "software_release",
                        release,
                        "partition_reference",
                        title,
                        "partition_parameter_xml",
                        XmlMarshal.dumps(parameters),
                        "filter_xml",
                        XmlMarshal.dumps(sla),
                        "software_type",
                        "default",
                        "state",
                        XmlMarshal.dumps(state),
                        "shared_xml",
                        XmlMarshal.dumps(shared)));
    }

    /** A node format with {@code count} partitions slappart0… (marshalled dict as node format posts it). */
    HttpResponse<String> format(String computer, int count) throws IOException, InterruptedException {
        List<Object> partitions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("reference", "slappart" + i);
            p.put("address_list", List.of(Map.of("addr", "10.0.0." + (i + 2), "netmask", "255.255.255.255")));
            p.put("tap", Map.of("name", "slaptap" + i));
            partitions.add(p);
        }
        Map<String, Object> computerDict = new LinkedHashMap<>();
        computerDict.put("reference", computer);
        computerDict.put("address", "10.0.0.1");
        computerDict.put("netmask", "255.255.255.0");
        computerDict.put("partition_list", partitions);
        return post("loadComputerConfigurationFromXML", form("xml", XmlMarshal.dumps(computerDict)));
    }
}
