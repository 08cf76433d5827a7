package org.slapdesk.remote.ssh;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts.KnownHostEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a node's host key against an OpenSSH known_hosts file (plain or hashed entries).
 * A known key passes. An unknown one goes to the {@link HostKeyPrompt}; if trusted it is
 * appended to the file. A key different from the file's is refused, naming the file and line.
 * Nothing is ever accepted without the file or the user saying so.
 */
public final class KnownHostsVerifier implements HostKeyVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(KnownHostsVerifier.class);

    private final Path file;
    private final HostKeyPrompt prompt;
    private volatile String refusal;

    public KnownHostsVerifier(Path file, HostKeyPrompt prompt) {
        this.file = file;
        this.prompt = prompt;
    }

    /** Why the last key was refused (for the exception the connection throws), if it was. */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        String hostField = hostField(hostname, port);
        String offeredType = KeyType.fromKey(key).toString();
        String offered = sha256Fingerprint(key);
        try {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            for (int i = 0; i < lines.size(); i++) {
                for (KnownHostEntry entry : parse(lines.get(i))) {
                    if (!entry.appliesTo(hostField)
                            || !entry.getType().toString().equals(offeredType)) {
                        continue;
                    }
                    if (entry.verify(key)) {
                        return true;
                    }
                    refusal = "The host key of " + hostField + " has CHANGED: " + file + " line " + (i + 1)
                            + " holds a different " + offeredType + " key, and the node now offers " + offered
                            + ". This can be a reinstalled node or someone in between. If the change is"
                            + " expected, check the new key (" + verifyCommand(hostname, port)
                            + ") and remove that line (ssh-keygen -R " + Shell.quote(hostField) + " -f "
                            + Shell.quote(file.toString()) + ").";
                    return false;
                }
            }
        } catch (IOException e) {
            refusal = "Cannot read known_hosts " + file + ": " + e.getMessage();
            return false;
        }
        HostKeyPrompt.UnknownHostKey unknown =
                new HostKeyPrompt.UnknownHostKey(hostname, port, offeredType, offered, verifyCommand(hostname, port));
        if (!prompt.trust(unknown)) {
            refusal = "The host key of " + hostField + " (" + offeredType + " " + offered + ") is not in " + file
                    + " and was not accepted. Check it with: " + unknown.verifyCommand();
            return false;
        }
        try {
            append(hostField + " " + offeredType + " " + base64Blob(key));
            LOG.info("trusted the {} key {} of {}: added to {}", offeredType, offered, hostField, file);
            return true;
        } catch (IOException e) {
            refusal = "The key of " + hostField + " was accepted but could not be added to " + file + ": "
                    + e.getMessage();
            return false;
        }
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        List<String> algorithms = new ArrayList<>();
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    for (KnownHostEntry entry : parse(line)) {
                        if (entry.appliesTo(hostField(hostname, port))) {
                            algorithms.add(entry.getType().toString());
                        }
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}", file, e.getMessage());
        }
        return algorithms;
    }

    /** {@code host} on port 22, {@code [host]:port} otherwise, as OpenSSH writes it. */
    public static String hostField(String hostname, int port) {
        return port == 22 ? hostname : "[" + hostname + "]:" + port;
    }

    /** {@code SHA256:...} as {@code ssh-keygen -l} prints it. */
    public static String sha256Fingerprint(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob(key));
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The command that prints the node's key fingerprints, to compare with the prompt's. */
    public static String verifyCommand(String hostname, int port) {
        return "ssh-keyscan -p " + port + " " + Shell.quote(hostname) + " | ssh-keygen -lf -";
    }

    private static List<KnownHostEntry> parse(String line) throws IOException {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return List.of();
        }
        return new OpenSSHKnownHosts(new StringReader(trimmed + "\n")).entries();
    }

    private void append(String line) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        String existing = Files.readString(file, StandardCharsets.UTF_8);
        String prefix = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
        Files.writeString(file, prefix + line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static byte[] blob(PublicKey key) {
        return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    }

    private static String base64Blob(PublicKey key) {
        return Base64.getEncoder().encodeToString(blob(key));
    }
}
