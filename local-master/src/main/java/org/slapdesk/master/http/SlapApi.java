package org.slapdesk.master.http;

import com.sun.net.httpserver.HttpExchange;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slapdesk.core.wire.MarshalException;
import org.slapdesk.core.wire.XmlMarshal;
import org.slapdesk.master.InstanceRequestForm;
import org.slapdesk.master.MasterService;
import org.slapdesk.master.RequestError;

/** The SLAP endpoints of docs/protocol.md, "Endpoints": form POSTs and query GETs, marshalled or text answers. */
final class SlapApi {

    /** One call: the verified caller and its decoded fields. */
    record Call(HttpExchange exchange, Caller caller, Map<String, String> fields, String baseUrl) {
        String get(String name) {
            return fields.get(name);
        }

        String require(String name) {
            String v = fields.get(name);
            if (v == null || v.isEmpty()) {
                throw RequestError.badRequest("missing field '" + name + "'");
            }
            return v;
        }

        String computer() {
            return require("computer_id");
        }

        String partition() {
            return require("computer_partition_id");
        }

        /** slapos.slap sends a Python None as the string "None". */
        String optional(String name) {
            String v = fields.get(name);
            return v == null || v.isEmpty() || "None".equals(v) ? null : v;
        }
    }

    /** An answer: marshalled XML or plain text. */
    record Answer(boolean xml, String body) {
        static Answer marshalled(Object value) {
            return new Answer(true, XmlMarshal.dumps(value));
        }

        static Answer text(String text) {
            return new Answer(false, text);
        }
    }

    @FunctionalInterface
    interface Handler {
        Answer handle(Call call) throws MarshalException;
    }

    private record Endpoint(String verb, Handler handler) {}

    private final MasterService master;
    private final Map<String, Endpoint> endpoints = new HashMap<>();

    SlapApi(MasterService master) {
        this.master = master;
        userSide();
        nodeSide();
        partitionSide();
    }

    boolean handles(String name) {
        return endpoints.containsKey(name);
    }

    Answer call(String name, HttpExchange exchange, Caller caller, Map<String, String> fields, String baseUrl)
            throws MarshalException {
        Endpoint endpoint = endpoints.get(name);
        String method = exchange.getRequestMethod();
        if (!endpoint.verb().equals(method) && !("GET".equals(endpoint.verb()) && "HEAD".equals(method))) {
            throw new RequestError(405, name + " takes " + endpoint.verb() + ", not " + method);
        }
        return endpoint.handler().handle(new Call(exchange, caller, fields, baseUrl));
    }

    private void on(String name, String verb, Handler handler) {
        endpoints.put(name, new Endpoint(verb, handler));
    }

    // ------------------------------------------------------------------ user side

    private void userSide() {
        on("supplySupply", "POST", c -> {
            c.caller().requireUser("supply");
            return Answer.text(master.supply(c.require("url"), c.require("computer_id"), c.require("state")));
        });
        on("requestComputerPartition", "POST", this::request);
        on("getSoftwareReleaseListFromSoftwareProduct", "GET", c -> {
            String url = c.optional("software_release_url");
            return Answer.marshalled(url == null ? List.of() : List.of(url));
        });
        on("requestComputer", "POST", c -> {
            c.caller().requireUser("requestComputer");
            return Answer.marshalled(master.requestComputer(c.require("computer_title")));
        });
        on("getHateoasUrl", "GET", c -> Answer.text(c.baseUrl() + "hateoas/"));
    }

    private Answer request(Call c) throws MarshalException {
        String requesterComputer = c.optional("computer_id");
        String requesterPartition = c.optional("computer_partition_id");
        if (requesterComputer != null && requesterPartition != null) {
            c.caller().requirePartition(requesterComputer, requesterPartition, "a request from a partition");
        } else {
            c.caller().requireUser("a request");
            master.treeOwners().claim(c.caller().name(), c.caller().admin(), c.require("partition_reference"));
            requesterComputer = null;
            requesterPartition = null;
        }
        Map<String, Object> parameters =
                Marshalled.dictionary(c.get("partition_parameter_xml"), "partition_parameter_xml");
        Map<String, Object> sla = Marshalled.dictionary(c.get("filter_xml"), "filter_xml");
        String state = Marshalled.optionalString(c.get("state"), "state");
        boolean shared = Marshalled.bool(c.get("shared_xml"), "shared_xml");
        MasterService.RequestOutcome outcome = master.request(new InstanceRequestForm(
                c.require("software_release"),
                c.require("partition_reference"),
                c.get("software_type"),
                parameters,
                sla,
                state,
                shared,
                requesterComputer,
                requesterPartition));
        if (!outcome.allocated()) {
            throw RequestError.notReady("'" + c.get("partition_reference")
                    + "' waits for a free partition (or a matching host for a shared instance)");
        }
        return Answer.marshalled(MasterService.softwareInstanceObject(outcome.document()));
    }

    // ------------------------------------------------------------------ node side

    private void nodeSide() {
        on("getFullComputerInformation", "GET", c -> {
            c.caller().requireNode(c.computer(), "getFullComputerInformation");
            return Answer.marshalled(master.fullComputerInformation(
                    c.computer(),
                    c.caller()
                            .isNodeItself(
                                    c.computer(),
                                    c.exchange().getRequestHeaders().getFirst("User-Agent"))));
        });
        on("getComputerInformation", "GET", c -> {
            c.caller().requireNode(c.computer(), "getComputerInformation");
            return Answer.marshalled(master.fullComputerInformation(
                    c.computer(),
                    c.caller()
                            .isNodeItself(
                                    c.computer(),
                                    c.exchange().getRequestHeaders().getFirst("User-Agent"))));
        });
        on("loadComputerConfigurationFromXML", "POST", c -> {
            Map<String, Object> computer = Marshalled.dictionary(c.require("xml"), "xml");
            if (computer.get("reference") instanceof String reference) {
                c.caller().requireNode(reference, "format");
            }
            master.format(computer);
            return Answer.text("done");
        });
        for (String report : List.of("building", "available", "destroyed")) {
            on(report + "SoftwareRelease", "POST", c -> {
                c.caller().requireNode(c.computer(), report + "SoftwareRelease");
                return Answer.text(master.softwareReport(c.computer(), c.require("url"), report, null));
            });
        }
        on("softwareReleaseError", "POST", c -> {
            c.caller().requireNode(c.computer(), "softwareReleaseError");
            return Answer.text(master.softwareReport(c.computer(), c.require("url"), "error", c.get("error_log")));
        });
        on("useComputer", "POST", c -> {
            c.caller().requireNode(c.computer(), "useComputer");
            master.requireNode(c.computer());
            return Answer.text("OK");
        });
        on("computerBang", "POST", c -> {
            c.caller().requireNode(c.computer(), "computerBang");
            return Answer.marshalled(master.computerBang(c.computer(), c.get("message")));
        });
        on("getComputerStatus", "GET", c -> {
            c.caller().requireNode(c.computer(), "getComputerStatus");
            return Answer.marshalled(master.computerStatus(c.computer()));
        });
        on("generateComputerCertificate", "POST", c -> {
            c.caller().requireNode(c.computer(), "generateComputerCertificate");
            return Answer.marshalled(master.nodeCertificate(c.computer()));
        });
        on("revokeComputerCertificate", "POST", c -> {
            c.caller().requireNode(c.computer(), "revokeComputerCertificate");
            master.revokeNodeCertificates(c.computer(), c.caller().ownNodeSerial(c.computer()));
            return Answer.text("OK");
        });
    }

    // ------------------------------------------------------------------ partition side

    private void partitionSide() {
        on("registerComputerPartition", "GET", c -> {
            String computer = c.require("computer_reference");
            String partition = c.require("computer_partition_reference");
            c.caller().requirePartition(computer, partition, "registerComputerPartition");
            return Answer.marshalled(master.registerPartition(computer, partition));
        });
        partition("startedComputerPartition", c -> master.instanceReport(c.computer(), c.partition(), "started"));
        partition("stoppedComputerPartition", c -> master.instanceReport(c.computer(), c.partition(), "stopped"));
        partition("destroyedComputerPartition", c -> master.destroyedPartition(c.computer(), c.partition()));
        partition(
                "softwareInstanceError",
                c -> master.instanceError(
                        c.computer(), c.partition(), c.get("error_log"), c.optional("slave_reference")));
        partition("softwareInstanceBang", c -> master.bang(c.computer(), c.partition(), c.get("message")));
        partition(
                "softwareInstanceRename",
                c -> master.rename(c.computer(), c.partition(), c.require("new_name"), c.optional("slave_reference")));
        partition(
                "setComputerPartitionConnectionXml",
                c -> master.setConnection(
                        c.computer(),
                        c.partition(),
                        Marshalled.dictionary(c.require("connection_xml"), "connection_xml"),
                        c.optional("slave_reference")));
        partition("updateComputerPartitionRelatedInstanceList", c -> {
            Marshalled.list(c.get("instance_reference_xml"), "instance_reference_xml");
            master.registerPartition(c.computer(), c.partition());
            return "done";
        });
        on("getComputerPartitionCertificate", "GET", c -> {
            c.caller().requirePartition(c.computer(), c.partition(), "getComputerPartitionCertificate");
            return Answer.marshalled(master.partitionCertificate(c.computer(), c.partition()));
        });
        on("getHostingSubscriptionIpList", "GET", c -> {
            c.caller().requirePartition(c.computer(), c.partition(), "getHostingSubscriptionIpList");
            return Answer.marshalled(master.treeIpList(c.computer(), c.partition()));
        });
        on("getComputerPartitionStatus", "GET", c -> {
            c.caller().requirePartition(c.computer(), c.partition(), "getComputerPartitionStatus");
            return Answer.marshalled(master.partitionStatus(c.computer(), c.partition()));
        });
    }

    @FunctionalInterface
    private interface TextHandler {
        String handle(Call call) throws MarshalException;
    }

    private void partition(String name, TextHandler handler) {
        on(name, "POST", c -> {
            c.caller().requirePartition(c.computer(), c.partition(), name);
            return Answer.text(handler.handle(c));
        });
    }
}
