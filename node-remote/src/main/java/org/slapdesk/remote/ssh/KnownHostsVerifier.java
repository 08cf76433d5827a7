package org.slapdesk.remote.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import org.slapdesk.core.store.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * sshj's check of an OpenSSH known_hosts file (plain or hashed entries), with Slapdesk's answers
 * where the file has no say: an unknown key goes to the {@link HostKeyPrompt} with its SHA256
 * fingerprint and is appended if trusted; a key different from the file's is refused, naming
 * the file and line. Nothing is ever accepted without the file or the user saying so.
 */
public final class KnownHostsVerifier extends OpenSSHKnownHosts {

    private static final Logger LOG = LoggerFactory.getLogger(KnownHostsVerifier.class);

    private final Path file;
    private final HostKeyPrompt prompt;
    private volatile String refusal;

    /** Reads {@code file} (none yet: no key known); an unreadable file is an IOException. */
    public KnownHostsVerifier(Path file, HostKeyPrompt prompt) throws IOException {
        super(file.toFile());
        this.file = file;
        this.prompt = prompt;
    }

    /** Why the last key was refused (for the exception the connection throws), if it was. */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** {@code hostField} is {@code host} on port 22, {@code [host]:port} otherwise, as sshj hands it over. */
    @Override
    protected boolean hostKeyUnverifiableAction(String hostField, PublicKey key) {
        String type = KeyType.fromKey(key).toString();
        String fingerprint = sha256Fingerprint(key);
        String host = hostOf(hostField);
        int port = portOf(hostField);
        HostKeyPrompt.UnknownHostKey unknown =
                new HostKeyPrompt.UnknownHostKey(host, port, type, fingerprint, verifyCommand(host, port));
        if (!prompt.trust(unknown)) {
            refusal = "The host key of " + hostField + " (" + type + " " + fingerprint + ") is not in " + file
                    + " and was not accepted. Check it with: " + unknown.verifyCommand();
            return false;
        }
        try {
            HostEntry entry = new HostEntry(null, hostField, KeyType.fromKey(key), key);
            prepareFileForAppend();
            write(entry);
            entries().add(entry);
            LOG.info("trusted the {} key {} of {}: added to {}", type, fingerprint, hostField, file);
            return true;
        } catch (IOException e) {
            refusal = "The key of " + hostField + " was accepted but could not be added to " + file + ": "
                    + e.getMessage();
            return false;
        }
    }

    @Override
    protected boolean hostKeyChangedAction(String hostField, PublicKey key) {
        String type = KeyType.fromKey(key).toString();
        refusal = "The host key of " + hostField + " has CHANGED: " + file + lineHolding(hostField, key)
                + " holds a different " + type + " key, and the node now offers " + sha256Fingerprint(key)
                + ". This can be a reinstalled node or someone in between. If the change is expected, check the"
                + " new key (" + verifyCommand(hostOf(hostField), portOf(hostField)) + ") and remove that line"
                + " (ssh-keygen -R " + Shell.quote(hostField) + " -f " + Shell.quote(file.toString()) + ").";
        return false;
    }

    /** {@code host} on port 22, {@code [host]:port} otherwise, as OpenSSH writes it. */
    public static String hostField(String hostname, int port) {
        return port == 22 ? hostname : "[" + hostname + "]:" + port;
    }

    /** {@code SHA256:...} as {@code ssh-keygen -l} prints it. */
    public static String sha256Fingerprint(PublicKey key) {
        try {
            byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The command that prints the node's key fingerprints, to compare with the prompt's. */
    public static String verifyCommand(String hostname, int port) {
        return "ssh-keyscan -p " + port + " " + Shell.quote(hostname) + " | ssh-keygen -lf -";
    }

    private static String hostOf(String hostField) {
        return hostField.startsWith("[") ? hostField.substring(1, hostField.lastIndexOf("]:")) : hostField;
    }

    private static int portOf(String hostField) {
        return hostField.startsWith("[") ? Integer.parseInt(hostField.substring(hostField.lastIndexOf("]:") + 2)) : 22;
    }

    /** " line N" of the entry for this host and key type that the offered key does not match. */
    private String lineHolding(String hostField, PublicKey key) {
        KeyType type = KeyType.fromKey(key);
        try {
            for (KnownHostEntry entry : entries()) {
                if (entry.appliesTo(type, hostField) && !entry.verify(key)) {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        if (lines.get(i).strip().replaceAll("\\s+", " ").equals(entry.getLine())) {
                            return " line " + (i + 1);
                        }
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot read {} again: {}", file, e.getMessage());
        }
        return "";
    }

    /** sshj appends a line as is: the file must exist (owner-only, as ssh makes it) and end with a newline. */
    private void prepareFileForAppend() throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        OwnerOnlyFiles.createIfMissing(file);
        String existing = Files.readString(file, StandardCharsets.UTF_8);
        if (!existing.isEmpty() && !existing.endsWith("\n")) {
            Files.writeString(file, "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
    }
}
