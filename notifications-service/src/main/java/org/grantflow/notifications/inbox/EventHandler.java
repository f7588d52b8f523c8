package org.grantflow.notifications.inbox;

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
}
