package org.slapdesk.remote.action.ha;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The captured agent outputs of the fixtures' README, and two-node states derived from them. */
final class OpenSvcFixtures {

    static final String CAPTURED_NODE = "sdt2";
    static final String SECOND_NODE = "sdt3";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenSvcFixtures() {}

    static String resource(String name) {
        try (InputStream in = OpenSvcFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The captured "up" daemon status with the node copied as {@link #SECOND_NODE}, and the
     * service's instance up on {@code upOn} only (down on the other).
     */
    static String twoNodesUpOn(String upOn) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(resource("agent-daemon-status-up.json"));
            ((ArrayNode) root.path("cluster").path("nodes")).add(SECOND_NODE);
            ObjectNode nodes = (ObjectNode) root.path("monitor").path("nodes");
            nodes.set(SECOND_NODE, nodes.path(CAPTURED_NODE).deepCopy());
            for (String node : new String[] {CAPTURED_NODE, SECOND_NODE}) {
                ObjectNode instance = (ObjectNode)
                        nodes.path(node).path("services").path("status").path("slapos/svc/comp1");
                instance.put("avail", node.equals(upOn) ? "up" : "down");
            }
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
