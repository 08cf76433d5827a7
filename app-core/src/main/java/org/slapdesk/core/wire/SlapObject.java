package org.slapdesk.core.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
        initArgs = Collections.unmodifiableList(new ArrayList<>(initArgs));
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> stateMap() {
        return state instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
