package org.slapdesk.core.fleet;

/**
 * Receives what the fleet state publishes, on the executor given to {@link FleetState#subscribe}
 * (e.g. {@code Platform::runLater} for a ViewModel). Updates come once per refresh that changed
 * something; progress comes while a refresh runs and when it ends.
 */
public interface FleetListener {

    void onUpdate(FleetUpdate update);

    default void onProgress(RefreshProgress progress) {}
}
