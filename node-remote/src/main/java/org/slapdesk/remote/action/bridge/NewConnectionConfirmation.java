package org.slapdesk.remote.action.bridge;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slapdesk.core.master.CancellationToken;
import org.slapdesk.remote.action.Verification;
import org.slapdesk.remote.ssh.CommandResult;
import org.slapdesk.remote.ssh.NodeConnection;
import org.slapdesk.remote.ssh.NodeException;
import org.slapdesk.remote.ssh.OutputListener;
import org.slapdesk.remote.ssh.Shell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's half of confirm-or-revert: after a network switch, open NEW SSH connections
 * until one gets in, check the node there, and confirm the {@link RevertGuard} (or revert at
 * once when the check finds the network wrong). Gives up early enough to leave the node to
 * revert by itself.
 */
final class NewConnectionConfirmation {

    /** What is not as planned, read over the new connection (empty: all as planned). */
    @FunctionalInterface
    interface Check {
        List<String> problems(NodeConnection fresh) throws NodeException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(NewConnectionConfirmation.class);
    private static final Duration SWITCH_DELAY = Duration.ofSeconds(3);
    private static final Duration OLD_PATH_PROBE = Duration.ofSeconds(2);

    private final Reconnect reconnect;
    private final RevertGuard guard;
    private final Duration within;

    NewConnectionConfirmation(Reconnect reconnect, RevertGuard guard, Duration within) {
        this.reconnect = reconnect;
        this.guard = guard;
        this.within = within;
    }

    /** Confirms over a new connection; {@code confirmedNote} is what the result says when it did. */
    Verification confirm(NodeConnection old, Check check, String confirmedNote) {
        // stop trying early enough to close a cut connection before the node reverts
        Duration margin =
                within.dividedBy(4).compareTo(Duration.ofSeconds(8)) < 0 ? Duration.ofSeconds(8) : within.dividedBy(4);
        Instant revertsAt = Instant.now().plus(within);
        Instant giveUp = Instant.now().plus(within.minus(margin));
        String lastError = "none";
        pause(SWITCH_DELAY);
        while (Instant.now().isBefore(giveUp) && !Thread.currentThread().isInterrupted()) {
            LOG.info(
                    "confirm-or-revert: opening a new SSH connection to {}",
                    old.target().display());
            try (NodeConnection fresh = reconnect.open()) {
                if (!fresh.run("[ -e " + Shell.quote(guard.switched()) + " ]").ok()) {
                    lastError = "the network switch had not finished";
                    pause(Duration.ofSeconds(1));
                    continue;
                }
                List<String> problems = new ArrayList<>(check.problems(fresh));
                if (!problems.isEmpty()) {
                    CommandResult reverted = fresh.run(guard.run("now"));
                    problems.add(
                            reverted.ok()
                                    ? "the previous network and files were put back at once"
                                    : "putting the previous network back failed: "
                                            + reverted.stderr().strip());
                    return new Verification(problems);
                }
                CommandResult confirmed = fresh.run("if [ -e " + Shell.quote(guard.script()) + " ]; then sh "
                        + Shell.quote(guard.script()) + " confirm; else echo 'the revert guard is gone: it has"
                        + " reverted already' >&2; exit " + RevertGuard.TOO_LATE + "; fi");
                if (!confirmed.ok()) {
                    return new Verification(
                            List.of("not confirmed: " + confirmed.stderr().strip()));
                }
                LOG.info("confirm-or-revert: confirmed over a new connection ({})", confirmedNote);
                return Verification.ok(confirmedNote);
            } catch (NodeException | RuntimeException e) {
                lastError = e.getMessage();
                LOG.info("confirm-or-revert: no way in yet: {}", lastError);
                pause(Duration.ofSeconds(1));
            }
        }
        closeIfCut(old);
        return new Verification(List.of("no new SSH connection to "
                + old.target().display() + " within "
                + within.minus(margin).toSeconds() + " s of the switch (last error: " + lastError + "): the node puts"
                + " back its previous network and files by itself at about "
                + LocalTime.ofInstant(revertsAt, ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS)
                + " (console time); connect again after that"));
    }

    /** A cut path would make the rollback wait on every step: close the old connection if it is dead. */
    private static void closeIfCut(NodeConnection old) {
        CompletableFuture<Boolean> probe = CompletableFuture.supplyAsync(() -> {
            try {
                return old.exec("true", null, OLD_PATH_PROBE, OutputListener.NONE, CancellationToken.none())
                        .ok();
            } catch (NodeException | RuntimeException e) {
                return false;
            }
        });
        boolean alive;
        try {
            alive = probe.get(OLD_PATH_PROBE.plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            alive = false;
        } catch (ExecutionException | TimeoutException e) {
            alive = false;
        }
        if (!alive) {
            LOG.info(
                    "the old SSH connection to {} is cut too: closing it",
                    old.target().display());
            old.close();
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
