package org.slapdesk.core.fleet;

/** Stops the deliveries to one listener; closing twice is harmless. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
