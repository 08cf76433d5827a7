package org.slapdesk.core.master;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slapdesk.core.model.RequestedState;
import org.slapdesk.core.wire.ComputerConfiguration;
import org.slapdesk.core.wire.MarshalException;
import org.slapdesk.core.wire.SlapObject;
import org.slapdesk.core.wire.XmlMarshal;

/**
 * The SLAP dialect (docs/protocol.md, "SLAP"): each method is a form POST or a query GET on
 * {@code <master_url>/<method>}, answering marshalled XML or a short text. Both sides are here:
 * what a user asks (request, supply) and what a node reports (format, status, connection
 * parameters), so tests and the local master's tests can act as a node.
 */
public final class SlapEndpoint {

    private final MasterHttp http;
    private final URI base;

    public SlapEndpoint(MasterHttp http, URI masterUrl) {
        this.http = Objects.requireNonNull(http, "http");
        String url = masterUrl.toString();
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
    }

    public URI masterUrl() {
        return base;
    }

    /** What {@code requestComputerPartition} sends; {@code requester} is set when a partition asks. */
    public record PartitionRequest(
            String softwareRelease,
            String title,
            String softwareType,
            Map<String, ?> parameters,
            Map<String, ?> sla,
            boolean shared,
            RequestedState state,
            Optional<PartitionId> requester) {
        public PartitionRequest {
            Objects.requireNonNull(softwareRelease, "softwareRelease");
            Objects.requireNonNull(title, "title");
            softwareType = softwareType == null || softwareType.isBlank() ? "default" : softwareType;
            parameters = parameters == null ? Map.of() : parameters;
            sla = sla == null ? Map.of() : sla;
            requester = requester == null ? Optional.empty() : requester;
        }
    }

    /** A partition of a node: {@code computer_id} and {@code computer_partition_id}. */
    public record PartitionId(String computerId, String partitionId) {}

    // ------------------------------------------------------------------ user side

    /**
     * Requests an instance. Answers the marshalled {@code SoftwareInstance} (or, from slapproxy
     * for a shared instance, a {@code ComputerPartition}).
     *
     * @throws MasterException.NotReady on 408, while the instance is not allocated
     */
    public SlapObject requestComputerPartition(PartitionRequest request) throws MasterException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("software_release", request.softwareRelease());
        form.put("partition_reference", request.title());
        form.put("partition_parameter_xml", XmlMarshal.dumps(request.parameters()));
        form.put("filter_xml", XmlMarshal.dumps(request.sla()));
        form.put("software_type", request.softwareType());
        form.put(
                "state",
                XmlMarshal.dumps(
                        request.state() == null ? null : request.state().wireName()));
        form.put("shared_xml", XmlMarshal.dumps(request.shared()));
        request.requester().ifPresent(r -> {
            form.put("computer_id", r.computerId());
            form.put("computer_partition_id", r.partitionId());
        });
        Object answer =
                postMarshalled("requestComputerPartition", form, "the instance request '" + request.title() + "'");
        return requireObject(answer, "requestComputerPartition", "SoftwareInstance", "ComputerPartition");
    }

    /** Supplies ({@code available}) or removes ({@code destroyed}) a software release on a node. */
    public String supplySupply(String softwareReleaseUrl, String computerId, String state) throws MasterException {
        return postText(
                "supplySupply",
                Map.of("url", softwareReleaseUrl, "computer_id", computerId, "state", state),
                "supplying " + softwareReleaseUrl + " to " + computerId);
    }

    /** The HATEOAS base URL the master prefers, or empty when it has none (404, as slapproxy). */
    public Optional<URI> getHateoasUrl() throws MasterException {
        try {
            String text = getText("getHateoasUrl", Map.of(), "its HATEOAS URL").strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(URI.create(text));
        } catch (MasterException.NotFound e) {
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            throw new MasterException.BadResponse(
                    endpoint("getHateoasUrl"),
                    "getHateoasUrl at " + base + " answered something that is not a URL.",
                    e);
        }
    }

    // ------------------------------------------------------------------ node side

    /** The node's partitions and supplied software: a marshalled {@code Computer}. */
    public SlapObject getFullComputerInformation(String computerId) throws MasterException {
        Object answer =
                getMarshalled("getFullComputerInformation", Map.of("computer_id", computerId), "node " + computerId);
        return requireObject(answer, "getFullComputerInformation", "Computer");
    }

    /** The node's access status dict ({@code text}, {@code created_at}, {@code since}, flags). */
    public Map<String, Object> getComputerStatus(String computerId) throws MasterException {
        Object answer = getMarshalled(
                "getComputerStatus", Map.of("computer_id", computerId), "access status for node " + computerId);
        return requireMap(answer, "getComputerStatus");
    }

    /** Posts the configuration {@code node format} sends (docs/protocol.md, "What node format posts"). */
    public String loadComputerConfigurationFromXml(Map<String, ?> computer) throws MasterException {
        return postText(
                "loadComputerConfigurationFromXML",
                Map.of("xml", XmlMarshal.dumps(computer)),
                "the configuration of node " + computer.get("reference"));
    }

    /** Posts a node's configuration as {@code slapos node format} does. */
    public String loadComputerConfigurationFromXml(ComputerConfiguration computer) throws MasterException {
        return postText(
                "loadComputerConfigurationFromXML",
                Map.of("xml", computer.toMarshalXml()),
                "the configuration of node " + computer.reference());
    }

    public SlapObject registerComputerPartition(String computerId, String partitionId) throws MasterException {
        Object answer = getMarshalled(
                "registerComputerPartition",
                Map.of("computer_reference", computerId, "computer_partition_reference", partitionId),
                "partition " + partitionId + " of node " + computerId);
        return requireObject(answer, "registerComputerPartition", "ComputerPartition");
    }

    /** Publishes connection parameters for a partition, or for a shared instance it hosts. */
    public String setComputerPartitionConnectionXml(
            PartitionId partition, Map<String, ?> connection, Optional<String> sharedReference) throws MasterException {
        Map<String, String> form = partitionForm(partition);
        form.put("connection_xml", XmlMarshal.dumps(connection));
        form.put("slave_reference", sharedReference.orElse(null));
        return postText(
                "setComputerPartitionConnectionXml", form, "connection parameters of " + partition.partitionId());
    }

    public String buildingSoftwareRelease(String url, String computerId) throws MasterException {
        return postText("buildingSoftwareRelease", Map.of("url", url, "computer_id", computerId), "a software report");
    }

    public String availableSoftwareRelease(String url, String computerId) throws MasterException {
        return postText("availableSoftwareRelease", Map.of("url", url, "computer_id", computerId), "a software report");
    }

    public String destroyedSoftwareRelease(String url, String computerId) throws MasterException {
        return postText("destroyedSoftwareRelease", Map.of("url", url, "computer_id", computerId), "a software report");
    }

    public String softwareReleaseError(String url, String computerId, String log) throws MasterException {
        return postText(
                "softwareReleaseError",
                Map.of("url", url, "computer_id", computerId, "error_log", log),
                "a software error report");
    }

    public String startedComputerPartition(PartitionId partition) throws MasterException {
        return postText("startedComputerPartition", partitionForm(partition), "an instance report");
    }

    public String stoppedComputerPartition(PartitionId partition) throws MasterException {
        return postText("stoppedComputerPartition", partitionForm(partition), "an instance report");
    }

    public String destroyedComputerPartition(PartitionId partition) throws MasterException {
        return postText("destroyedComputerPartition", partitionForm(partition), "an instance report");
    }

    public String softwareInstanceError(PartitionId partition, String log) throws MasterException {
        Map<String, String> form = partitionForm(partition);
        form.put("error_log", log);
        return postText("softwareInstanceError", form, "an instance error report");
    }

    public String softwareInstanceBang(PartitionId partition, String message) throws MasterException {
        Map<String, String> form = partitionForm(partition);
        form.put("message", message);
        return postText("softwareInstanceBang", form, "a bang");
    }

    public String computerBang(String computerId, String message) throws MasterException {
        return postText("computerBang", Map.of("computer_id", computerId, "message", message), "a node bang");
    }

    /** The partition's {@code {certificate, key}}. */
    public Map<String, Object> getComputerPartitionCertificate(PartitionId partition) throws MasterException {
        Object answer = getMarshalled(
                "getComputerPartitionCertificate",
                partitionForm(partition),
                "the certificate of " + partition.partitionId());
        return requireMap(answer, "getComputerPartitionCertificate");
    }

    // ------------------------------------------------------------------ generic calls

    /** POST answering a text ({@code OK}, {@code done}, ...). */
    public String postText(String method, Map<String, String> form, String what) throws MasterException {
        HttpAnswer answer = http.postForm(endpoint(method), base.resolve(method), form);
        MasterHttp.requireSuccess(answer, what);
        rejectHtml(answer, method, "a short text");
        return answer.text();
    }

    public String getText(String method, Map<String, String> query, String what) throws MasterException {
        HttpAnswer answer = http.get(endpoint(method), base.resolve(method), query, Map.of());
        MasterHttp.requireSuccess(answer, what);
        rejectHtml(answer, method, "a short text");
        return answer.text();
    }

    public Object postMarshalled(String method, Map<String, String> form, String what) throws MasterException {
        HttpAnswer answer = http.postForm(endpoint(method), base.resolve(method), form);
        MasterHttp.requireSuccess(answer, what);
        return decode(answer, method);
    }

    public Object getMarshalled(String method, Map<String, String> query, String what) throws MasterException {
        HttpAnswer answer = http.get(endpoint(method), base.resolve(method), query, Map.of());
        MasterHttp.requireSuccess(answer, what);
        return decode(answer, method);
    }

    private Object decode(HttpAnswer answer, String method) throws MasterException {
        rejectHtml(answer, method, "marshalled XML");
        try {
            return XmlMarshal.loads(answer.body());
        } catch (MarshalException e) {
            throw new MasterException.BadResponse(
                    answer.endpoint(),
                    "The answer of " + answer.endpoint() + " is not valid marshalled XML (truncated or corrupt): "
                            + e.getMessage(),
                    e);
        }
    }

    private static void rejectHtml(HttpAnswer answer, String method, String expected) throws MasterException {
        if (answer.looksLikeHtml()) {
            throw new MasterException.BadResponse(
                    answer.endpoint(),
                    answer.endpoint() + " answered an HTML page instead of " + expected
                            + " (a proxy error or login page?): " + answer.excerpt(),
                    null);
        }
    }

    private String endpoint(String method) {
        return base.resolve(method).toString();
    }

    private SlapObject requireObject(Object value, String method, String... classes) throws MasterException {
        if (value instanceof SlapObject o && List.of(classes).contains(o.className())) {
            return o;
        }
        throw new MasterException.BadResponse(
                endpoint(method),
                endpoint(method) + " answered " + describe(value) + " where a " + String.join(" or ", classes)
                        + " object was expected.",
                null);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> requireMap(Object value, String method) throws MasterException {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new MasterException.BadResponse(
                endpoint(method),
                endpoint(method) + " answered " + describe(value) + " where a dictionary was expected.",
                null);
    }

    static String describe(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof SlapObject o) {
            return "a " + o.className() + " object";
        }
        if (value instanceof Map) {
            return "a dictionary";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof String s) {
            return "the string '" + (s.length() > 60 ? s.substring(0, 57) + "..." : s) + "'";
        }
        return "a " + value.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> partitionForm(PartitionId partition) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("computer_id", partition.computerId());
        form.put("computer_partition_id", partition.partitionId());
        return form;
    }
}
