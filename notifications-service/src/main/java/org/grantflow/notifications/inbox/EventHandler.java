package org.grantflow.notifications.inbox;

import java.util.List;
import java.util.Set;

/**
 * Applies the events of some types. Called by {@link Events} in the transaction that records the
 * event in the inbox, so the effect and the record commit together.
 */
public interface EventHandler {

    /** The CloudEvents {@code type}s this handler applies. */
    Set<String> types();

    /**
     * @throws IllegalArgumentException if the event's data lacks what the handler needs; the event
     *         stays recorded and is skipped, since no retry can make it readable
     */
    void handle(IncomingEvent event);

    /**
     * Called once per batch, in its transaction, before any of its events is handled, with the
     * batch's new events of this handler's types in order: the moment to take the batch's locks and
     * to look up what its events will need in one query each rather than one per event. It must not
     * change what handling the events does, and must skip unreadable events (handling reports them).
     */
    default void prepare(List<IncomingEvent> events) {
    }
}
