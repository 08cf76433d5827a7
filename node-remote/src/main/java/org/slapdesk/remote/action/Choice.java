package org.slapdesk.remote.action;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The words users type for an enum's constants: the name in lower case with {@code -} for
 * {@code _} ({@code TAP_VPN} is {@code tap-vpn}), the same on the command line and in the window.
 */
public final class Choice {

    private Choice() {}

    public static String word(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static <E extends Enum<E>> List<String> words(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Choice::word).toList();
    }

    /** The constant whose word is {@code text}, or an InvalidInputException naming the text and the choices. */
    public static <E extends Enum<E>> E parse(Class<E> type, String text) {
        for (E constant : type.getEnumConstants()) {
            if (word(constant).equals(text)) {
                return constant;
            }
        }
        throw new InvalidInputException("'" + text + "' is not one of " + String.join(", ", words(type)));
    }
}
