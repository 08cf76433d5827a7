package org.slapdesk.gui.servers;

import java.util.List;
import java.util.Map;

/**
 * What one action on several servers gave: the servers it was done on, and for each other one
 * why it failed (in the order the servers were given).
 */
record ServerOutcomes(List<String> done, Map<String, Exception> failed) {

    /** "COMP-1", "COMP-1 and COMP-2", "COMP-1, COMP-2, COMP-3 and 4 more". */
    static String names(List<String> servers) {
        int shownAtMost = 3;
        if (servers.size() == 1) {
            return servers.get(0);
        }
        if (servers.size() <= shownAtMost) {
            return String.join(", ", servers.subList(0, servers.size() - 1)) + " and "
                    + servers.get(servers.size() - 1);
        }
        return String.join(", ", servers.subList(0, shownAtMost)) + " and " + (servers.size() - shownAtMost) + " more";
    }
}
