package org.slapdesk.bench;

import java.io.IOException;

/**
 * Fills a master with {@code nodes} servers of {@code partitions} partitions through its public
 * SLAP API (formats and supplies sent concurrently), so a benchmark needs no hand-made database.
 */
final class FleetFixture {

    private static final int CLIENTS = 8;

    private final int nodes;
    private final int partitions;

    FleetFixture(int nodes, int partitions) {
        this.nodes = nodes;
        this.partitions = partitions;
    }

    int nodes() {
        return nodes;
    }

    int partitions() {
        return partitions;
    }

    void fill(SlapCalls master) throws IOException {
        LoadClient client = new LoadClient();
        requireNoErrors("format", client.run(CLIENTS, nodes, i -> master.format(SlapCalls.node(i), partitions)));
        requireNoErrors("supply", client.run(CLIENTS, nodes, i -> master.supply(SlapCalls.node(i))));
    }

    private static void requireNoErrors(String what, LoadResult result) throws IOException {
        if (result.errors() > 0) {
            throw new IOException("the fixture's " + what + " failed " + result.errors() + " times");
        }
    }
}
