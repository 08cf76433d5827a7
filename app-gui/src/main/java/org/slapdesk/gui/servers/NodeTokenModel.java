package org.slapdesk.gui.servers;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.slapdesk.core.master.Master;
import org.slapdesk.gui.activity.ActivityLog;
import org.slapdesk.gui.profile.EmbeddedMaster;
import org.slapdesk.gui.session.MasterSession;
import org.slapdesk.gui.task.TaskService;

/**
 * The Token button: a node registration token from the master in use. The embedded master can
 * only give one once it has a certificate authority, which the window then offers to create.
 */
public final class NodeTokenModel {

    private final MasterSession session;
    private final TaskService tasks;
    private final ActivityLog activity;

    NodeTokenModel(MasterSession session, TaskService tasks, ActivityLog activity) {
        this.session = session;
        this.tasks = tasks;
        this.activity = activity;
    }

    /** The folder the embedded master's CA would go to, when the master in use is that master and has none yet. */
    public Optional<Path> missingAuthority() {
        return session.master()
                .filter(EmbeddedMaster.class::isInstance)
                .map(EmbeddedMaster.class::cast)
                .filter(embedded -> !embedded.issuesCertificates())
                .map(EmbeddedMaster::certificateAuthorityFolder);
    }

    /** Asks the master for a token (off the FX thread); the answer goes to {@code onToken}. */
    public void requestToken(Consumer<NodeToken> onToken) {
        Optional<Master> master = session.master();
        if (master.isEmpty()) {
            return;
        }
        tasks.task("Get a node registration token", context -> master.get().nodeToken())
                .onSuccess(token -> {
                    activity.succeeded(
                            "Token", master.get().url(), token.isPresent() ? "issued" : "not offered by this master");
                    onToken.accept(new NodeToken(token, master.get().url()));
                })
                .start();
    }

    /** Creates the embedded master's CA, then asks for a token, both off the FX thread. */
    public void createAuthorityAndRequestToken(Consumer<NodeToken> onToken) {
        Optional<EmbeddedMaster> master =
                session.master().filter(EmbeddedMaster.class::isInstance).map(EmbeddedMaster.class::cast);
        if (master.isEmpty()) {
            return;
        }
        EmbeddedMaster embedded = master.get();
        tasks.task("Create the local master's certificate authority", context -> {
                    embedded.createCertificateAuthority();
                    return embedded.nodeToken();
                })
                .onSuccess(token -> {
                    activity.succeeded(
                            "Create CA", embedded.certificateAuthorityFolder().toString(), "token issued");
                    onToken.accept(new NodeToken(token, embedded.url()));
                })
                .onFailure(error -> activity.failed(
                        "Create CA", embedded.certificateAuthorityFolder().toString(), error))
                .start();
    }
}
