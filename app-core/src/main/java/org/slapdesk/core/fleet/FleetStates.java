package org.slapdesk.core.fleet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slapdesk.core.master.MasterException;

/**
 * One fleet state per profile, shared by every consumer of that profile (pages, monitor, CLI).
 * Forgetting a profile (deleted, or its settings changed) closes its fleet state, which cancels
 * a refresh in flight; {@link #close} does so for all.
 */
public final class FleetStates implements AutoCloseable {

    /** Opens the fleet state of a profile (its master client included). */
    @FunctionalInterface
    public interface Opener {
        FleetState open(String profileName) throws MasterException;
    }

    private final Opener opener;
    private final Map<String, FleetState> byProfile = new LinkedHashMap<>();
    private boolean closed;

    public FleetStates(Opener opener) {
        this.opener = opener;
    }

    /** The profile's fleet state, opened on first use and the same one afterwards. */
    public synchronized FleetState of(String profileName) throws MasterException {
        if (closed) {
            throw new IllegalStateException("the fleet states are closed");
        }
        FleetState fleet = byProfile.get(profileName);
        if (fleet == null) {
            fleet = opener.open(profileName);
            byProfile.put(profileName, fleet);
        }
        return fleet;
    }

    public synchronized Optional<FleetState> ifOpen(String profileName) {
        return Optional.ofNullable(byProfile.get(profileName));
    }

    /** Closes and drops the profile's fleet state; the next {@link #of} opens a fresh one. */
    public void forget(String profileName) {
        FleetState fleet;
        synchronized (this) {
            fleet = byProfile.remove(profileName);
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    @Override
    public void close() {
        List<FleetState> open;
        synchronized (this) {
            closed = true;
            open = List.copyOf(byProfile.values());
            byProfile.clear();
        }
        open.forEach(FleetState::close);
    }
}
