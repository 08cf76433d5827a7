package org.slapdesk.remote.ssh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public-key methods tried to log in, in order: a key file given explicitly first; else
 * the ssh-agent's keys (when there is an agent) before the default keys of ~/.ssh. Holds the
 * agent connection open while logging in.
 */
final class Credentials implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Credentials.class);

    private final List<AuthMethod> methods;
    private final Optional<SshAgent> agent;
    private final String description;

    private Credentials(List<AuthMethod> methods, Optional<SshAgent> agent, String description) {
        this.methods = methods;
        this.agent = agent;
        this.description = description;
    }

    static Credentials gather(SSHClient client, SshTarget target, ConnectOptions options) throws NodeException {
        Optional<SshAgent> agent = options.agentSocket().flatMap(Credentials::reach);
        try {
            List<AuthMethod> agentKeys = new ArrayList<>();
            if (agent.isPresent()) {
                for (SshAgent.Identity identity : identities(agent.get())) {
                    agentKeys.add(new AgentKeyAuth(agent.get(), identity));
                }
            }
            List<AuthMethod> fileKeys = new ArrayList<>();
            for (Path file : NodeConnection.keyFiles(target)) {
                fileKeys.add(new AuthPublickey(NodeConnection.loadKey(client, file, options.passphrasePrompt())));
            }
            List<AuthMethod> methods = new ArrayList<>();
            if (target.keyFile().isPresent()) {
                methods.addAll(fileKeys);
                methods.addAll(agentKeys);
            } else {
                methods.addAll(agentKeys);
                methods.addAll(fileKeys);
            }
            if (methods.isEmpty()) {
                String why = agent.map(a -> ": the ssh-agent at " + a.socket() + " holds no key (ssh-add one),")
                        .or(() -> options.agentSocket()
                                .map(socket -> ": the ssh-agent at " + socket + " cannot be reached,"))
                        .orElse(":");
                throw new NodeException("No private key for " + target.display() + why
                        + " give one (--key FILE) or create ~/.ssh/id_ed25519.");
            }
            List<String> files = NodeConnection.keyFiles(target).stream()
                    .map(file -> "the key " + file)
                    .toList();
            Optional<String> agentDescription = agent.map(a -> "the " + agentKeys.size()
                    + " key(s) of the ssh-agent at " + a.socket() + " ("
                    + String.join(", ", agentKeys.stream().map(Object::toString).toList()) + ")");
            List<String> offered = new ArrayList<>();
            if (target.keyFile().isEmpty()) {
                agentDescription.ifPresent(offered::add);
            }
            offered.addAll(files);
            if (target.keyFile().isPresent()) {
                agentDescription.ifPresent(offered::add);
            }
            return new Credentials(methods, agent, String.join(" and ", offered));
        } catch (NodeException | RuntimeException e) {
            agent.ifPresent(SshAgent::close);
            throw e;
        }
    }

    private static Optional<SshAgent> reach(Path socket) {
        try {
            return Optional.of(SshAgent.connect(socket));
        } catch (IOException e) {
            LOG.warn("{}; going on without it", e.getMessage());
            return Optional.empty();
        }
    }

    private static List<SshAgent.Identity> identities(SshAgent agent) {
        try {
            return agent.identities();
        } catch (IOException e) {
            LOG.warn("cannot list the keys of the ssh-agent at {}: {}", agent.socket(), e.getMessage());
            return List.of();
        }
    }

    /** What is offered, for messages: "the key F and the 2 key(s) of the ssh-agent at S (...)". */
    String describe() {
        return description;
    }

    List<AuthMethod> methods() {
        return methods;
    }

    @Override
    public void close() {
        agent.ifPresent(SshAgent::close);
    }
}
