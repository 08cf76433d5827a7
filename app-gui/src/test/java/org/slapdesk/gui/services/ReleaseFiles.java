package org.slapdesk.gui.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a release the way SlapOS lays one out: {@code software.cfg}, {@code software.cfg.json}
 * with two software types, request schemas with a relative {@code $ref} into a sibling file.
 */
public final class ReleaseFiles {

    private ReleaseFiles() {}

    public static void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("software.cfg"), "[buildout]\nparts =\n");
        Files.writeString(
                dir.resolve("software.cfg.json"),
                """
                {
                  "name": "Registry",
                  "description": "A test release",
                  "serialisation": "xml",
                  "software-type": {
                    "cluster": {
                      "title": "Cluster", "description": "many nodes", "software-type": "kvm-cluster",
                      "request": "instance-cluster-input-schema.json", "serialisation": "json-in-xml", "index": 2
                    },
                    "default": {
                      "title": "Default", "description": "one registry",
                      "request": "instance-input-schema.json", "index": 1
                    }
                  }
                }
                """);
        Files.writeString(
                dir.resolve("instance-input-schema.json"),
                """
                {
                  "$schema": "http://json-schema.org/draft-07/schema#",
                  "type": "object",
                  "required": ["ipv6-prefix"],
                  "allOf": [
                    {"properties": {
                      "ipv6-prefix": {"$ref": "definitions.json#/definitions/prefix"},
                      "prefix-length": {"title": "Default length of allocated prefix", "type": "integer",
                                        "minimum": 1, "maximum": 128, "default": 16}
                    }},
                    {"properties": {
                      "mode": {"title": "Mode", "enum": ["fast", "safe"]},
                      "enable-monitor": {"title": "Monitor", "type": "boolean"}
                    }}
                  ]
                }
                """);
        Files.writeString(
                dir.resolve("definitions.json"),
                """
                {"definitions": {"prefix": {"title": "IPv6 prefix", "type": "string",
                  "description": "the network the registry hands out", "pattern": "^[0-9a-f:]+/[0-9]+$"}}}
                """);
        Files.writeString(
                dir.resolve("instance-cluster-input-schema.json"),
                """
                {"type": "object", "properties": {"nodes": {"title": "Nodes", "type": "integer", "minimum": 1}}}
                """);
    }
}
