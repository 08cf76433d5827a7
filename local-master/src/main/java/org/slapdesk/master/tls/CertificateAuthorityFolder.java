package org.slapdesk.master.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slapdesk.master.CertificateIssuer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's CA as a folder in which a CA may not exist yet: a master started without one
 * begins to issue certificates as soon as one is made there ({@link #create} in this process, or
 * {@code slapdesk serve ca init} / another window on the same folder), without a restart.
 */
public final class CertificateAuthorityFolder implements CertificateIssuer {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateAuthorityFolder.class);

    private final Path folder;
    private CertificateAuthority loaded;

    public CertificateAuthorityFolder(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** Makes the CA in the folder ({@link CertificateAuthority#init}: refuses to replace one). */
    public synchronized CertificateAuthority create(String name) throws IOException {
        loaded = CertificateAuthority.init(folder, name);
        return loaded;
    }

    @Override
    public boolean ready() {
        return authority().isPresent();
    }

    @Override
    public Issued issue(Role role, String name) {
        return authority()
                .orElseThrow(() -> new IllegalStateException("no CA in " + folder + " yet"))
                .issue(role, name);
    }

    @Override
    public List<String> issuedSerials(Role role, String name) {
        return authority().map(ca -> ca.issuedSerials(role, name)).orElse(List.of());
    }

    @Override
    public Set<String> issuedNames(Role role) {
        return authority().map(ca -> ca.issuedNames(role)).orElse(Set.of());
    }

    private synchronized Optional<CertificateAuthority> authority() {
        if (loaded == null && CertificateAuthority.exists(folder)) {
            try {
                loaded = CertificateAuthority.load(folder);
            } catch (IOException e) {
                LOG.warn("the CA in {} cannot be read, so no certificate is issued: {}", folder, e.getMessage());
            }
        }
        return Optional.ofNullable(loaded);
    }
}
