package org.slapdesk.remote.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;
import org.slapdesk.core.master.CancellationToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSH connection to a node, reused for every command (sshj multiplexes sessions, so
 * commands may run from several threads at once). Every command is bounded by a timeout,
 * enforced on both ends (the node runs it under {@code timeout}, which kills its whole
 * process group), and can be cancelled. A non-root user runs commands through {@code sudo -n}.
 */
public final class NodeConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeConnection.class);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration KILL_GRACE = Duration.ofSeconds(5);
    private static final long POLL_MS = 100;
    private static final String PID_MARKER = "slapdesk-pid:";

    private final SshTarget target;
    private final SSHClient client;
    private final Optional<NodeConnection> jump;

    private NodeConnection(SshTarget target, SSHClient client, Optional<NodeConnection> jump) {
        this.target = target;
        this.client = client;
        this.jump = jump;
    }

    /** Connects, checks the host key against the target's known_hosts, and logs in. */
    public static NodeConnection open(SshTarget target, ConnectOptions options) throws NodeException {
        Optional<NodeConnection> jump = Optional.empty();
        if (target.jump().isPresent()) {
            jump = Optional.of(open(target.jump().get(), options));
        }
        DefaultConfig config = new DefaultConfig();
        config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
        SSHClient client = new SSHClient(config);
        client.getConnection().getKeepAlive().setKeepAliveInterval((int)
                Math.max(1, options.keepAliveInterval().toSeconds()));
        client.setConnectTimeout((int) options.connectTimeout().toMillis());
        KnownHostsVerifier verifier;
        try {
            verifier = new KnownHostsVerifier(target.knownHosts(), options.hostKeyPrompt());
        } catch (IOException e) {
            closeQuietly(client);
            jump.ifPresent(NodeConnection::close);
            throw new NodeException.HostKeyRejected(
                    "Cannot read known_hosts " + target.knownHosts() + ": " + e.getMessage());
        }
        client.addHostKeyVerifier(verifier);
        try {
            if (jump.isPresent()) {
                client.connectVia(jump.get().client.newDirectConnection(target.host(), target.port()));
            } else {
                client.connect(target.host(), target.port());
            }
        } catch (TransportException e) {
            closeQuietly(client);
            jump.ifPresent(NodeConnection::close);
            if (verifier.refusal().isPresent()) {
                throw new NodeException.HostKeyRejected(verifier.refusal().get());
            }
            throw new NodeException("Cannot connect to " + target.display() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            closeQuietly(client);
            jump.ifPresent(NodeConnection::close);
            throw new NodeException(
                    "Cannot reach " + target.display() + ": " + e.getMessage()
                            + ". Check the address, the port and that sshd runs there.",
                    e);
        }
        Credentials credentials;
        try {
            credentials = Credentials.gather(client, target, options);
        } catch (NodeException e) {
            closeQuietly(client);
            jump.ifPresent(NodeConnection::close);
            throw e;
        }
        try (credentials) {
            client.auth(target.user(), credentials.methods());
        } catch (UserAuthException e) {
            closeQuietly(client);
            jump.ifPresent(NodeConnection::close);
            throw new NodeException(
                    "The node " + target.display() + " refused " + credentials.describe()
                            + " for user " + target.user() + ": add its public key to ~" + target.user()
                            + "/.ssh/authorized_keys on the node.",
                    e);
        } catch (TransportException e) {
            closeQuietly(client);
            jump.ifPresent(NodeConnection::close);
            throw new NodeException("Lost " + target.display() + " while logging in: " + e.getMessage(), e);
        }
        LOG.info("connected to {}", target.display());
        return new NodeConnection(target, client, jump);
    }

    public SshTarget target() {
        return target;
    }

    public boolean isOpen() {
        return client.isConnected() && client.isAuthenticated();
    }

    /** Runs a shell command with the default timeout and no streaming. */
    public CommandResult run(String command) throws NodeException {
        return exec(command, null, DEFAULT_TIMEOUT, OutputListener.NONE, CancellationToken.none());
    }

    /** Runs a command given as arguments (each quoted). */
    public CommandResult run(String... argv) throws NodeException {
        return run(Shell.command(argv));
    }

    /**
     * Runs {@code command} (a shell command line: build it with {@link Shell}) as root on the
     * node, feeding it {@code stdin} (may be null), streaming its output to {@code listener},
     * and stopping it after {@code timeout} or when {@code cancel} is set.
     */
    public CommandResult exec(
            String command, byte[] stdin, Duration timeout, OutputListener listener, CancellationToken cancel)
            throws NodeException {
        String remote = wrap(command, timeout);
        long start = System.nanoTime();
        long deadline = start + timeout.plus(KILL_GRACE).plus(KILL_GRACE).toNanos();
        try (Session session = client.startSession()) {
            Session.Command running = session.exec(remote);
            Thread stdinWriter = feed(running.getOutputStream(), stdin);
            Collector out = new Collector(running.getInputStream(), listener::stdout, false);
            Collector err = new Collector(running.getErrorStream(), listener::stderr, true);
            boolean stopped = false;
            String stoppedWhy = null;
            while (out.isAlive() || err.isAlive()) {
                if (!stopped && (cancel.isCancelled() || System.nanoTime() > deadline)) {
                    stoppedWhy = cancel.isCancelled() ? "cancelled" : "timed out";
                    stopped = true;
                    stop(running, err);
                    deadline = System.nanoTime() + KILL_GRACE.toNanos();
                } else if (stopped && System.nanoTime() > deadline) {
                    break;
                }
                out.join(POLL_MS);
            }
            stdinWriter.join(KILL_GRACE.toMillis());
            if (!stopped) {
                running.join(KILL_GRACE.toSeconds(), TimeUnit.SECONDS);
            }
            Integer status = running.getExitStatus();
            boolean overTime = Duration.ofNanos(System.nanoTime() - start).compareTo(timeout) >= 0;
            if (stoppedWhy == null && status != null && status == 124 && overTime) {
                stoppedWhy = "timed out";
            }
            if ("cancelled".equals(stoppedWhy)) {
                throw new NodeException.Cancelled("Cancelled on " + target.display() + ": " + command);
            }
            if (stoppedWhy != null) {
                throw new NodeException.TimedOut(
                        "Stopped after " + timeout.toSeconds() + " s on " + target.display() + ": " + command);
            }
            int code = status != null ? status : exitCodeOf(running.getExitSignal());
            return new CommandResult(command, code, out.text(), err.text());
        } catch (IOException e) {
            throw new NodeException(
                    "Lost " + target.display() + " while running `" + command + "`: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeException.Cancelled("Interrupted on " + target.display() + ": " + command);
        }
    }

    /**
     * The command as the node runs it: {@code sh} prints its pid (the marker line, removed
     * from stderr again) then becomes {@code timeout}, which leads its own process group, so
     * a cancel can kill the whole group even where the SSH "signal" request is ignored.
     */
    private String wrap(String command, Duration timeout) {
        long seconds = Math.max(1, timeout.toSeconds());
        String bounded = "echo " + PID_MARKER + "$$ >&2; exec "
                + Shell.command("timeout", "-k", KILL_GRACE.toSeconds() + "s", seconds + "s", "sh", "-c", command);
        return privileged(Shell.command("sh", "-c", bounded));
    }

    private String privileged(String command) {
        return target.needsSudo() ? "sudo -n -- " + command : command;
    }

    private void stop(Session.Command running, Collector err) throws InterruptedException {
        try {
            running.signal(Signal.TERM);
        } catch (IOException e) {
            LOG.debug("could not signal the remote command: {}", e.getMessage());
        }
        err.awaitRemotePid(KILL_GRACE).ifPresent(pid -> {
            try (Session killer = client.startSession()) {
                Session.Command kill = killer.exec(privileged("kill -TERM -" + pid + " 2>/dev/null; true"));
                kill.join(KILL_GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (IOException e) {
                LOG.debug("could not kill the remote process group {}: {}", pid, e.getMessage());
            }
        });
        try {
            running.close();
        } catch (IOException e) {
            LOG.debug("could not close the remote command: {}", e.getMessage());
        }
    }

    private static int exitCodeOf(Signal signal) {
        return signal == null ? -1 : 128 + signalNumber(signal);
    }

    private static int signalNumber(Signal signal) {
        return switch (signal) {
            case HUP -> 1;
            case INT -> 2;
            case QUIT -> 3;
            case KILL -> 9;
            case TERM -> 15;
            default -> 0;
        };
    }

    private static Thread feed(OutputStream stdin, byte[] data) {
        Thread writer = new Thread(
                () -> {
                    try (stdin) {
                        if (data != null) {
                            stdin.write(data);
                            stdin.flush();
                        }
                    } catch (IOException e) {
                        LOG.debug("stdin of the remote command closed early: {}", e.getMessage());
                    }
                },
                "ssh-stdin");
        writer.setDaemon(true);
        writer.start();
        return writer;
    }

    /** The private key files to offer: the one given, or the default ones of ~/.ssh that exist. */
    static List<Path> keyFiles(SshTarget target) {
        if (target.keyFile().isPresent()) {
            return List.of(target.keyFile().get());
        }
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        List<Path> files = new ArrayList<>();
        for (String name : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
            if (Files.isReadable(ssh.resolve(name))) {
                files.add(ssh.resolve(name));
            }
        }
        return files;
    }

    static KeyProvider loadKey(SSHClient client, Path file, PassphrasePrompt prompt) throws NodeException {
        if (!Files.isReadable(file)) {
            throw new NodeException("The private key " + file + " does not exist or is not readable.");
        }
        try {
            KeyProvider provider = client.loadKeys(file.toString(), passwordFinder(file, prompt));
            provider.getPublic(); // decrypts now, so a wrong or missing passphrase is reported here
            return provider;
        } catch (IOException | RuntimeException e) {
            throw new NodeException(
                    "Cannot use the private key " + file + ": " + e.getMessage()
                            + (e.getMessage() != null
                                            && e.getMessage().toLowerCase().contains("passphrase")
                                    ? ""
                                    : " (if it is encrypted, its passphrase is needed)"),
                    e);
        }
    }

    private static PasswordFinder passwordFinder(Path file, PassphrasePrompt prompt) {
        return new PasswordFinder() {
            @Override
            public char[] reqPassword(Resource<?> resource) {
                return prompt.passphrase(file);
            }

            @Override
            public boolean shouldRetry(Resource<?> resource) {
                return false;
            }
        };
    }

    @Override
    public void close() {
        closeQuietly(client);
        jump.ifPresent(NodeConnection::close);
    }

    private static void closeQuietly(SSHClient client) {
        try {
            client.disconnect();
        } catch (IOException e) {
            LOG.debug("disconnect: {}", e.getMessage());
        }
    }

    /** Reads one output stream of a command on its own thread: keeps the bytes, passes lines on. */
    private static final class Collector {
        private final ByteArrayOutputStream all = new ByteArrayOutputStream();
        private final Thread thread;
        private final boolean startsWithPid;
        private volatile Long remotePid;

        Collector(InputStream in, Consumer<String> lines, boolean startsWithPid) {
            this.startsWithPid = startsWithPid;
            thread = new Thread(() -> pump(in, lines), "ssh-output");
            thread.setDaemon(true);
            thread.start();
        }

        private void pump(InputStream in, Consumer<String> lines) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean markerPending = startsWithPid;
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    int from = 0;
                    if (markerPending) {
                        for (; from < n && buffer[from] != '\n'; from++) {
                            line.write(buffer[from]);
                        }
                        if (from == n) {
                            continue;
                        }
                        from++;
                        markerPending = false;
                        String first = line.toString(StandardCharsets.UTF_8);
                        if (!readMarker(first)) {
                            lines.accept(first);
                        }
                        line.reset();
                    }
                    synchronized (all) {
                        all.write(buffer, from, n - from);
                    }
                    for (int i = from; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines.accept(line.toString(StandardCharsets.UTF_8));
                            line.reset();
                        } else {
                            line.write(buffer[i]);
                        }
                    }
                }
            } catch (IOException e) {
                LOG.debug("output stream ended: {}", e.getMessage());
            } finally {
                if (line.size() > 0 && !markerPending) {
                    lines.accept(line.toString(StandardCharsets.UTF_8));
                } else if (markerPending && line.size() > 0) {
                    // no marker line came (sudo or the login failed first): that text is real stderr
                    synchronized (all) {
                        all.writeBytes(line.toByteArray());
                    }
                    lines.accept(line.toString(StandardCharsets.UTF_8));
                }
            }
        }

        private boolean readMarker(String first) {
            if (first.startsWith(PID_MARKER)) {
                try {
                    remotePid =
                            Long.parseLong(first.substring(PID_MARKER.length()).trim());
                    return true;
                } catch (NumberFormatException e) {
                    LOG.debug("bad pid marker: {}", first);
                }
            }
            synchronized (all) {
                all.writeBytes((first + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return false;
        }

        Optional<Long> remotePid() {
            return Optional.ofNullable(remotePid);
        }

        /**
         * The remote pid, waiting up to {@code limit} for the marker line: on a loaded machine a
         * cancel can come before this thread has read it, and without the pid the command's
         * process group would outlive the cancel.
         */
        Optional<Long> awaitRemotePid(Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (remotePid == null && thread.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return remotePid();
        }

        boolean isAlive() {
            return thread.isAlive();
        }

        void join(long millis) throws InterruptedException {
            thread.join(millis);
        }

        String text() throws InterruptedException {
            thread.join(KILL_GRACE.toMillis());
            synchronized (all) {
                return all.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
