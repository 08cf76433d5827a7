package org.slapdesk.gui.profile;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The colours offered to a new profile, so that profiles side by side can be told apart. */
final class ProfileColours {

    static final List<String> PALETTE =
            List.of("#0969da", "#1a7f37", "#cf222e", "#8250df", "#bf8700", "#1b7c83", "#bc4c00", "#57606a");

    private ProfileColours() {}

    /** The first palette colour no existing profile uses; the first one again once all are taken. */
    static String firstUnused(Collection<String> used) {
        Set<String> taken = used.stream().map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return PALETTE.stream().filter(c -> !taken.contains(c)).findFirst().orElse(PALETTE.get(0));
    }
}
