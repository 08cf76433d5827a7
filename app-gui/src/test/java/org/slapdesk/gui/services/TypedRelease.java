package org.slapdesk.gui.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A release whose two software types take the same typed parameters: an integer port, a number,
 * booleans, an enum of numbers, an enum of strings and an array; {@code default} is sent as
 * plain XML, {@code packed} as json-in-xml.
 */
final class TypedRelease {

    private TypedRelease() {}

    static String write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("software.cfg"), "[buildout]\nparts =\n");
        Files.writeString(
                dir.resolve("software.cfg.json"),
                """
                {"name": "Typed", "serialisation": "xml", "software-type": {
                  "default": {"title": "Plain", "request": "input.json", "index": 0},
                  "packed": {"title": "Packed", "request": "input.json", "serialisation": "json-in-xml",
                             "index": 1}}}
                """);
        Files.writeString(
                dir.resolve("input.json"),
                """
                {"type": "object", "properties": {
                  "port": {"type": "integer", "minimum": 1, "maximum": 65535},
                  "ratio": {"type": "number"},
                  "enabled": {"type": "boolean", "default": true},
                  "verbose": {"type": "boolean"},
                  "level": {"enum": [1, 2, 3], "default": 2},
                  "mode": {"type": "string", "enum": ["fast", "safe"], "default": "safe"},
                  "tags": {"type": "array", "items": {"type": "string"}},
                  "name": {"type": "string"}
                }}
                """);
        return dir.resolve("software.cfg").toUri().toString();
    }
}
