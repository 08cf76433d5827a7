package org.slapdesk.core.fleet;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One copy of each repeated string (release URLs, node references): a thousand partitions of
 * the same release then share one URL instead of a thousand equal copies.
 */
final class StringPool {

    private final ConcurrentHashMap<String, String> strings = new ConcurrentHashMap<>();

    String of(String value) {
        if (value == null) {
            return null;
        }
        String held = strings.putIfAbsent(value, value);
        return held == null ? value : held;
    }

    int size() {
        return strings.size();
    }
}
