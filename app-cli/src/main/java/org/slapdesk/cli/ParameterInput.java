package org.slapdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slapdesk.core.wire.InstanceXml;
import org.slapdesk.core.wire.MarshalException;

/** Instance parameters and SLA from the command line: {@code k=v} pairs, or a .json / .xml file. */
final class ParameterInput {

    private ParameterInput() {}

    /** {@code key=value} pairs; the value may contain '='. */
    static Map<String, Object> pairs(List<String> items, String option) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(option + " takes key=value pairs; '" + item + "' has no key=");
            }
            out.put(item.substring(0, eq), item.substring(eq + 1));
        }
        return out;
    }

    /** A JSON object (.json) or instance XML (.xml, {@code <instance><parameter id=..>}). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> file(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("the parameters file " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("the parameters file " + file + " cannot be read: " + e.getMessage());
        }
        if (name.endsWith(".json")) {
            try {
                Object value = new ObjectMapper().readValue(text, Object.class);
                if (!(value instanceof Map)) {
                    throw new IllegalArgumentException(
                            "the parameters file " + file + " must hold a JSON object {...}");
                }
                return new LinkedHashMap<>((Map<String, Object>) value);
            } catch (IOException e) {
                throw new IllegalArgumentException("the parameters file " + file + " is not valid JSON: "
                        + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        if (name.endsWith(".xml")) {
            try {
                Map<String, Object> out = new LinkedHashMap<>();
                InstanceXml.fromXml(text).forEach((k, v) -> out.put(k, v == null ? "" : v));
                return out;
            } catch (MarshalException e) {
                throw new IllegalArgumentException(
                        "the parameters file " + file + " is not instance XML: " + e.getMessage());
            }
        }
        throw new IllegalArgumentException("the parameters file " + file + " must end in .json or .xml");
    }
}
