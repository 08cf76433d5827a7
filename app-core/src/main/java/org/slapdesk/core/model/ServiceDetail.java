package org.slapdesk.core.model;

import java.util.List;

/** A service with every instance of its tree (the root first). */
public record ServiceDetail(InstanceTree tree, List<SoftwareInstance> instances) {
    public ServiceDetail {
        instances = List.copyOf(instances);
    }
}
