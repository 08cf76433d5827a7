package org.slapdesk.core.wire;

import java.util.List;
import java.util.Set;

/**
 * One of the four slap classes xml_marshaller may carry ({@code module="slapos.slap.slap"}).
 * {@code state} is the object's {@code __dict__} (a Map) or null.
 */
public record SlapObject(String className, List<Object> initArgs, Object state) {

    public static final String MODULE = "slapos.slap.slap";
    public static final Set<String> ALLOWED_CLASSES =
            Set.of("Computer", "ComputerPartition", "SoftwareRelease", "SoftwareInstance");

    public SlapObject {
        if (!ALLOWED_CLASSES.contains(className)) {
            throw new IllegalArgumentException("slap object class not allowed: " + className);
        }
        initArgs = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(initArgs));
    }

    @SuppressWarnings("unchecked")
    public java.util.Map<String, Object> stateMap() {
        return state instanceof java.util.Map<?, ?> m ? (java.util.Map<String, Object>) m : java.util.Map.of();
    }
}
