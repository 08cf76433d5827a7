package org.slapdesk.core.master;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The few keys of a slapos-client.cfg that a {@link MasterProfile} needs, read the way Python's
 * ConfigParser reads them ({@code key = value} or {@code key: value}, {@code #}/{@code ;}
 * comments, indented continuation lines, case-insensitive keys).
 */
final class ClientConfigFile {

    private final Map<String, Map<String, String>> sections;

    private ClientConfigFile(Map<String, Map<String, String>> sections) {
        this.sections = sections;
    }

    static ClientConfigFile read(Path file) throws IOException {
        Map<String, Map<String, String>> sections = new HashMap<>();
        Map<String, String> current = null;
        String lastKey = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && current != null && lastKey != null) {
                current.merge(lastKey, trimmed, (a, b) -> a.isEmpty() ? b : a + "\n" + b);
                continue;
            }
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                current = sections.computeIfAbsent(trimmed.substring(1, trimmed.length() - 1).strip(), k -> new HashMap<>());
                lastKey = null;
                continue;
            }
            int eq = trimmed.indexOf('=');
            int colon = trimmed.indexOf(':');
            int split = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
            if (split <= 0 || current == null) {
                continue;
            }
            lastKey = trimmed.substring(0, split).strip().toLowerCase(Locale.ROOT);
            current.put(lastKey, trimmed.substring(split + 1).strip());
        }
        return new ClientConfigFile(sections);
    }

    Optional<String> get(String section, String key) {
        return Optional.ofNullable(sections.getOrDefault(section, Map.of()).get(key.toLowerCase(Locale.ROOT)))
                .filter(v -> !v.isBlank());
    }
}
