package org.slapdesk.core.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A node Slapdesk reaches over SSH: where, as whom, with which key, through which jump host,
 * and the host key fingerprint accepted the first time (e.g. {@code SHA256:…}); the operator's
 * name for it, where {@code slapos} and its slapos.cfg are on it, and the last result of
 * working on it; the group it belongs to (a tag such as {@code paris}, empty for none) and the
 * {@code computer_id} its slapos.cfg names, which links it to a server of the master. The GUI checks the slapos command and config path more strictly before
 * saving; this record only refuses what can never be right.
 */
public record KnownNodeRecord(
        String host,
        int port,
        String user,
        Optional<Path> keyPath,
        Optional<String> jumpHost,
        Optional<String> hostKeyFingerprint,
        String name,
        String slaposCommand,
        String slaposConfig,
        Optional<LastResult> lastResult,
        String tag,
        Optional<String> computerId) {

    public static final String DEFAULT_SLAPOS_COMMAND = "slapos";
    public static final String DEFAULT_SLAPOS_CONFIG = "/etc/opt/slapos/slapos.cfg";
    private static final int MAX_NAME = 100;
    private static final int MAX_TAG = 40;

    /** What the last action, status read or connection on the node ended with, and when. */
    public record LastResult(String text, Instant at) {
        public LastResult {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(at, "at");
        }
    }

    public KnownNodeRecord {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a known node needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " of " + host + " is not between 1 and 65535");
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("a known node needs a user name (" + host + ")");
        }
        Objects.requireNonNull(keyPath, "keyPath");
        Objects.requireNonNull(jumpHost, "jumpHost");
        Objects.requireNonNull(hostKeyFingerprint, "hostKeyFingerprint");
        Objects.requireNonNull(lastResult, "lastResult");
        Objects.requireNonNull(computerId, "computerId");
        tag = tag == null ? "" : tag.strip();
        if (!isTag(tag)) {
            throw new IllegalArgumentException("the group of " + host + " must be at most " + MAX_TAG
                    + " letters, digits, '.', '_' or '-' (e.g. paris), not '" + tag + "'");
        }
        name = name == null ? "" : name.strip();
        if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(
                    "the name of " + host + " must be at most " + MAX_NAME + " characters without control characters");
        }
        if (slaposCommand == null
                || slaposCommand.isBlank()
                || slaposCommand.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("the slapos command of " + host + " must be a command name or path"
                    + " without spaces (e.g. slapos or /opt/slapos/bin/slapos), not '" + slaposCommand + "'");
        }
        if (slaposConfig == null
                || !slaposConfig.startsWith("/")
                || slaposConfig.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the slapos.cfg path of " + host + " must be absolute (e.g. "
                    + DEFAULT_SLAPOS_CONFIG + "), not '" + slaposConfig + "'");
        }
    }

    /** No group and no computer_id yet. */
    public KnownNodeRecord(
            String host,
            int port,
            String user,
            Optional<Path> keyPath,
            Optional<String> jumpHost,
            Optional<String> hostKeyFingerprint,
            String name,
            String slaposCommand,
            String slaposConfig,
            Optional<LastResult> lastResult) {
        this(
                host,
                port,
                user,
                keyPath,
                jumpHost,
                hostKeyFingerprint,
                name,
                slaposCommand,
                slaposConfig,
                lastResult,
                "",
                Optional.empty());
    }

    /** True for a group name a node may carry: empty (no group), or up to 40 letters, digits, '.', '_', '-'. */
    public static boolean isTag(String tag) {
        return tag.length() <= MAX_TAG
                && tag.chars().allMatch(c -> Character.isLetterOrDigit(c) || ".-_".indexOf(c) >= 0);
    }

    /** No name yet, slapos from PATH with {@value #DEFAULT_SLAPOS_CONFIG}, no result yet. */
    public KnownNodeRecord(
            String host,
            int port,
            String user,
            Optional<Path> keyPath,
            Optional<String> jumpHost,
            Optional<String> hostKeyFingerprint) {
        this(
                host,
                port,
                user,
                keyPath,
                jumpHost,
                hostKeyFingerprint,
                "",
                DEFAULT_SLAPOS_COMMAND,
                DEFAULT_SLAPOS_CONFIG,
                Optional.empty());
    }

    public static KnownNodeRecord of(String host, int port, String user) {
        return new KnownNodeRecord(host, port, user, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public KnownNodeRecord withHostKeyFingerprint(String fingerprint) {
        return new KnownNodeRecord(
                host,
                port,
                user,
                keyPath,
                jumpHost,
                Optional.of(fingerprint),
                name,
                slaposCommand,
                slaposConfig,
                lastResult,
                tag,
                computerId);
    }

    public KnownNodeRecord withName(String newName) {
        return new KnownNodeRecord(
                host,
                port,
                user,
                keyPath,
                jumpHost,
                hostKeyFingerprint,
                newName,
                slaposCommand,
                slaposConfig,
                lastResult,
                tag,
                computerId);
    }

    public KnownNodeRecord withSlapos(String command, String config) {
        return new KnownNodeRecord(
                host,
                port,
                user,
                keyPath,
                jumpHost,
                hostKeyFingerprint,
                name,
                command,
                config,
                lastResult,
                tag,
                computerId);
    }

    public KnownNodeRecord withLastResult(Optional<LastResult> result) {
        return new KnownNodeRecord(
                host,
                port,
                user,
                keyPath,
                jumpHost,
                hostKeyFingerprint,
                name,
                slaposCommand,
                slaposConfig,
                result,
                tag,
                computerId);
    }

    public KnownNodeRecord withTag(String newTag) {
        return new KnownNodeRecord(
                host,
                port,
                user,
                keyPath,
                jumpHost,
                hostKeyFingerprint,
                name,
                slaposCommand,
                slaposConfig,
                lastResult,
                newTag,
                computerId);
    }

    /** The computer_id read from the node's slapos.cfg (empty: none there). */
    public KnownNodeRecord withComputerId(Optional<String> id) {
        return new KnownNodeRecord(
                host,
                port,
                user,
                keyPath,
                jumpHost,
                hostKeyFingerprint,
                name,
                slaposCommand,
                slaposConfig,
                lastResult,
                tag,
                id);
    }

    /** {@code user@host:port}, as shown to users. */
    public String label() {
        return user + "@" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The operator's name for the node, else its {@link #label()}. */
    public String displayName() {
        return name.isEmpty() ? label() : name;
    }
}
