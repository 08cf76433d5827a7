package org.slapdesk.remote.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A client of an ssh-agent over its Unix socket (draft-miller-ssh-agent): lists the agent's
 * keys and has it sign. The private keys never leave the agent.
 */
public final class SshAgent implements AutoCloseable {

    static final int AGENT_FAILURE = 5;
    static final int REQUEST_IDENTITIES = 11;
    static final int IDENTITIES_ANSWER = 12;
    static final int SIGN_REQUEST = 13;
    static final int SIGN_RESPONSE = 14;
    /** Sign-request flags asking an RSA key for a SHA-2 signature (RFC 8332). */
    public static final int RSA_SHA2_256 = 2;

    public static final int RSA_SHA2_512 = 4;
    private static final int MAX_MESSAGE = 256 * 1024;

    private final Path socket;
    private final SocketChannel channel;

    private SshAgent(Path socket, SocketChannel channel) {
        this.socket = socket;
        this.channel = channel;
    }

    /** The socket named by {@code SSH_AUTH_SOCK}, if set. */
    public static Optional<Path> socketFromEnvironment() {
        String value = System.getenv("SSH_AUTH_SOCK");
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
    }

    public static SshAgent connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot reach the ssh-agent at " + socket + ": " + e.getMessage(), e);
        }
        return new SshAgent(socket, channel);
    }

    public Path socket() {
        return socket;
    }

    /** The keys the agent holds, in its order. */
    public synchronized List<Identity> identities() throws IOException {
        Reader answer = call(new Writer().put(REQUEST_IDENTITIES));
        int type = answer.readByte();
        if (type != IDENTITIES_ANSWER) {
            throw new IOException("the ssh-agent at " + socket + " answered " + type + " to the list of keys");
        }
        long count = answer.readUint32();
        List<Identity> identities = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            identities.add(new Identity(answer.readString(), new String(answer.readString(), StandardCharsets.UTF_8)));
        }
        return identities;
    }

    /**
     * Has the agent sign {@code data} with the key {@code keyBlob}; returns the SSH signature
     * blob ({@code string algorithm, string signature}) ready for a userauth request.
     */
    public synchronized byte[] sign(byte[] keyBlob, byte[] data, int flags) throws IOException {
        Reader answer = call(new Writer()
                .put(SIGN_REQUEST)
                .putString(keyBlob)
                .putString(data)
                .putUint32(flags));
        int type = answer.readByte();
        if (type == AGENT_FAILURE) {
            throw new IOException("the ssh-agent at " + socket
                    + " refused to sign (is the key still loaded, or does it need a confirmation?)");
        }
        if (type != SIGN_RESPONSE) {
            throw new IOException("the ssh-agent at " + socket + " answered " + type + " to a sign request");
        }
        return answer.readString();
    }

    private Reader call(Writer request) throws IOException {
        byte[] body = request.bytes();
        ByteBuffer out = ByteBuffer.allocate(4 + body.length)
                .putInt(body.length)
                .put(body)
                .flip();
        while (out.hasRemaining()) {
            channel.write(out);
        }
        ByteBuffer length = readFully(4);
        int size = length.getInt();
        if (size <= 0 || size > MAX_MESSAGE) {
            throw new IOException("the ssh-agent at " + socket + " sent a message of " + size + " bytes");
        }
        return new Reader(readFully(size));
    }

    private ByteBuffer readFully(int size) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(size);
        while (in.hasRemaining()) {
            if (channel.read(in) < 0) {
                throw new IOException("the ssh-agent at " + socket + " closed the connection");
            }
        }
        return in.flip();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    /** A key held by the agent: its SSH public key blob and the comment it was added with. */
    public record Identity(byte[] blob, String comment) {

        /** The key type named at the start of the blob, e.g. {@code ssh-ed25519}, {@code ssh-rsa}. */
        public String keyType() {
            try {
                return new String(new Reader(ByteBuffer.wrap(blob)).readString(), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                return "unknown";
            }
        }

        /** {@code SHA256:...} as {@code ssh-keygen -l} prints it. */
        public String fingerprint() {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
                return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this Java", e);
            }
        }

        public String describe() {
            return keyType() + " " + fingerprint() + (comment.isEmpty() ? "" : " (" + comment + ")");
        }
    }

    private static final class Writer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Writer put(int b) {
            bytes.write(b);
            return this;
        }

        Writer putUint32(long v) {
            bytes.write((int) (v >>> 24));
            bytes.write((int) (v >>> 16));
            bytes.write((int) (v >>> 8));
            bytes.write((int) v);
            return this;
        }

        Writer putString(byte[] s) {
            putUint32(s.length);
            bytes.writeBytes(s);
            return this;
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }

    private static final class Reader {
        private final ByteBuffer in;

        Reader(ByteBuffer in) {
            this.in = in;
        }

        int readByte() throws IOException {
            need(1);
            return in.get() & 0xff;
        }

        long readUint32() throws IOException {
            need(4);
            return in.getInt() & 0xffffffffL;
        }

        byte[] readString() throws IOException {
            long length = readUint32();
            need(length);
            byte[] s = new byte[(int) length];
            in.get(s);
            return s;
        }

        private void need(long n) throws IOException {
            if (in.remaining() < n) {
                throw new IOException("truncated ssh-agent message");
            }
        }
    }
}
