package org.grantflow.funds.inbox;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Remembers every event this service has consumed. Called in the same transaction as the event's
 * effect, so the effect and the record commit together or not at all.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;
    private final Clock clock;

    Inbox(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** @return {@code true} the first time an event id is seen, {@code false} for a redelivery */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(IncomingEvent event) {
        return em.createNativeQuery("""
                INSERT INTO processed_event (event_id, type, processed_at) VALUES (:id, :type, :at)
                ON CONFLICT (event_id) DO NOTHING""")
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .setParameter("at", clock.instant())
                .executeUpdate() == 1;
    }
}
