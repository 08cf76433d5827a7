package org.slapdesk.gui.profile;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slapdesk.core.master.ForwardingMaster;
import org.slapdesk.core.master.Master;
import org.slapdesk.core.master.MasterException;
import org.slapdesk.core.master.MasterProfile;
import org.slapdesk.core.master.SlapMaster;
import org.slapdesk.master.LocalMaster;
import org.slapdesk.master.store.ServerLock;
import org.slapdesk.master.tls.CertificateAuthority;
import org.slapdesk.master.tls.CertificateAuthorityFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded local master and the client that talks to it over loopback, as one
 * {@link Master}: the window uses the same wire code for it as for any other master, and
 * closing it stops the server. One process serves a database: when another Slapdesk already does
 * (a second window, {@code --snapshot} beside a running window), this one is a client of that
 * master, found through the port file, and closing it stops nothing.
 */
public final class EmbeddedMaster extends ForwardingMaster {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMaster.class);

    private final Optional<LocalMaster> server;
    private final SlapMaster client;
    private final CertificateAuthorityFolder authority;

    private EmbeddedMaster(Optional<LocalMaster> server, SlapMaster client, CertificateAuthorityFolder authority) {
        super(client);
        this.server = server;
        this.client = client;
        this.authority = authority;
    }

    /**
     * Starts the local master on its database file, on loopback. The port is chosen once and
     * kept beside the database, so a node pointed at this master still finds it after a restart.
     */
    public static EmbeddedMaster start(Path database) throws IOException, MasterException {
        Path parent = database.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        CertificateAuthorityFolder authority = new CertificateAuthorityFolder(authorityFolder(database));
        LocalMaster server;
        try {
            server = startOnRememberedPort(database, portFile(database), authority);
        } catch (ServerLock.InUse inUse) {
            // the process serving the database reads a CA made in the same folder at its next use
            return new EmbeddedMaster(Optional.empty(), clientOf(runningMaster(database)), authority);
        }
        try {
            return new EmbeddedMaster(Optional.of(server), clientOf(server.url()), authority);
        } catch (MasterException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static SlapMaster clientOf(URI url) throws MasterException {
        return SlapMaster.open(
                MasterProfile.plain(MasterProfile.LOCAL_NAME, url.toString()).withRestUrl(url.resolve("hateoas/")));
    }

    /** The URL of the master another process serves on {@code database}, when it answers. */
    private static URI runningMaster(Path database) throws IOException {
        Optional<Integer> port = readPort(portFile(database));
        if (port.isEmpty()) {
            throw new IOException("the local master's database " + database
                    + " is held by another Slapdesk process that has not said its port yet:"
                    + " wait a moment and try again, or close that process");
        }
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(loopback, port.get()), 2000);
        } catch (IOException e) {
            throw new IOException("the local master's database " + database
                    + " is held by another Slapdesk process whose master does not answer on port " + port.get()
                    + ": close that process (or wait for it to finish starting), then try again");
        }
        LOG.info(
                "the local master on {} is served by another Slapdesk process; using it at port {}",
                database,
                port.get());
        return URI.create("http://" + loopback.getHostAddress() + ":" + port.get() + "/");
    }

    /** Where the port of the master on {@code database} is kept. */
    static Path portFile(Path database) {
        return database.resolveSibling(database.getFileName() + ".port");
    }

    /**
     * Where the master's CA is kept: beside the database, in the data folder. That is also where
     * {@code slapdesk serve ca init} makes it by default, so both use one CA.
     */
    static Path authorityFolder(Path database) {
        return database.toAbsolutePath().resolveSibling("master-ca");
    }

    private static LocalMaster startOnRememberedPort(Path database, Path portFile, CertificateAuthorityFolder authority)
            throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        Optional<Integer> remembered = readPort(portFile);
        if (remembered.isPresent()) {
            try {
                return LocalMaster.start(
                        options(database, new InetSocketAddress(loopback, remembered.get()), authority));
            } catch (BindException e) {
                LOG.warn(
                        "port {} of the local master is taken; it moves to a free port, and nodes set to the"
                                + " old URL must be pointed at the new one",
                        remembered.get());
            }
        }
        LocalMaster server = LocalMaster.start(options(database, new InetSocketAddress(loopback, 0), authority));
        Files.writeString(portFile, Integer.toString(server.url().getPort()));
        return server;
    }

    /** Plain HTTP on loopback; certificates for registering nodes once the CA folder holds a CA. */
    private static LocalMaster.Options options(
            Path database, InetSocketAddress address, CertificateAuthorityFolder authority) {
        return new LocalMaster.Options(database, address, null, null, authority, 0, 0);
    }

    /** Whether this master gives node registration tokens: it has a CA to sign the nodes' certificates. */
    public boolean issuesCertificates() {
        return authority.ready();
    }

    /** The folder of the master's CA (its key is readable by the owner only). */
    public Path certificateAuthorityFolder() {
        return authority.folder();
    }

    /**
     * Makes the master's CA, as {@code slapdesk serve ca init} does: the running master issues
     * certificates with it from now on, without a restart. Refuses to replace an existing CA.
     */
    public void createCertificateAuthority() throws IOException {
        authority.create(CertificateAuthority.DEFAULT_NAME);
    }

    private static Optional<Integer> readPort(Path portFile) {
        try {
            int port = Integer.parseInt(Files.readString(portFile).trim());
            return port > 0 && port < 65536 ? Optional.of(port) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The client, for what only tests and the node pages need (e.g. posting a node's format). */
    public SlapMaster client() {
        return client;
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            server.ifPresent(LocalMaster::close);
        }
    }
}
