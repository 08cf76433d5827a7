package org.slapdesk.core.master;

import java.util.List;
import java.util.Optional;
import org.slapdesk.core.model.ComputeNodeDetail;

/**
 * Every node with its partitions and software, and the mark to ask for what changed after this
 * read, when the master said one (absent: it can only be read whole again).
 */
public record FleetRead(List<ComputeNodeDetail> nodes, Optional<ChangeMark> mark) {

    public FleetRead {
        nodes = List.copyOf(nodes);
    }
}
