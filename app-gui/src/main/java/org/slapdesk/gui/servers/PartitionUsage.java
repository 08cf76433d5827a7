package org.slapdesk.gui.servers;

import java.util.Comparator;

/** How many of a server's partitions are busy, sorting by the busy count, then the total. */
public record PartitionUsage(int used, int total) implements Comparable<PartitionUsage> {

    private static final Comparator<PartitionUsage> ORDER =
            Comparator.comparingInt(PartitionUsage::used).thenComparingInt(PartitionUsage::total);

    @Override
    public int compareTo(PartitionUsage other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return used + " / " + total;
    }
}
