package org.slapdesk.remote.ssh;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.AuthParams;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;

/**
 * sshj "publickey" authentication with one key held by an ssh-agent: the request carries the
 * agent's public key blob, and the agent signs the session data. An RSA key is offered under
 * the signature algorithms the transport negotiated (rsa-sha2-512, rsa-sha2-256, then ssh-rsa),
 * each asked of the agent with the matching flag.
 */
final class AgentKeyAuth extends AbstractAuthMethod {

    private final SshAgent agent;
    private final SshAgent.Identity identity;
    private final Deque<String> algorithms = new ArrayDeque<>();

    AgentKeyAuth(SshAgent agent, SshAgent.Identity identity) {
        super("publickey");
        this.agent = agent;
        this.identity = identity;
    }

    @Override
    public void init(AuthParams params) {
        super.init(params);
        algorithms.clear();
        String type = identity.keyType();
        KeyType known = KeyType.fromString(type);
        if (known != KeyType.UNKNOWN) {
            try {
                params.getTransport()
                        .getClientKeyAlgorithms(known)
                        .forEach(algorithm -> algorithms.add(algorithm.getKeyAlgorithm()));
            } catch (TransportException e) {
                log.debug("no negotiated algorithms for {}: {}", type, e.getMessage());
            }
        }
        if (algorithms.isEmpty()) {
            algorithms.add(type);
        }
    }

    @Override
    public boolean shouldRetry() {
        if (algorithms.size() > 1) {
            algorithms.removeFirst();
            return true;
        }
        return false;
    }

    @Override
    protected SSHPacket buildReq() throws UserAuthException {
        return request(false);
    }

    @Override
    public void handle(Message cmd, SSHPacket buf) throws UserAuthException, TransportException {
        if (cmd != Message.USERAUTH_60) {
            super.handle(cmd, buf);
            return;
        }
        SSHPacket signed = request(true);
        byte[] data = new Buffer.PlainBuffer()
                .putString(params.getTransport().getSessionID())
                .putBuffer(signed)
                .getCompactData();
        try {
            signed.putString(agent.sign(identity.blob(), data, flagsFor(algorithms.getFirst())));
        } catch (IOException e) {
            throw new UserAuthException("ssh-agent key " + identity.describe() + ": " + e.getMessage(), e);
        }
        params.getTransport().write(signed);
    }

    private SSHPacket request(boolean signed) throws UserAuthException {
        SSHPacket packet = super.buildReq();
        packet.putBoolean(signed).putString(algorithms.getFirst()).putString(identity.blob());
        return packet;
    }

    static int flagsFor(String algorithm) {
        return switch (algorithm) {
            case "rsa-sha2-512" -> SshAgent.RSA_SHA2_512;
            case "rsa-sha2-256" -> SshAgent.RSA_SHA2_256;
            default -> 0;
        };
    }

    @Override
    public String toString() {
        return "ssh-agent key " + identity.describe();
    }
}
