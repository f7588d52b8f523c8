package org.grantflow.notifications.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Remembers every event this service has consumed. Called in the same transaction as the events'
 * effects, so the effects and the record commit together or not at all.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;
    private final Clock clock;

    Inbox(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * Records a batch of events in one statement, whose text is the same for every batch (the events
     * come as two arrays), so that neither Hibernate nor PostgreSQL parses it again for each size.
     *
     * @return the ids seen for the first time; a redelivered event's id is not among them
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstDeliveries(List<IncomingEvent> events) {
        List<?> ids = em.createNativeQuery("""
                INSERT INTO processed_event (event_id, type, processed_at)
                SELECT id, type, :at FROM unnest(CAST(:ids AS uuid[]), CAST(:types AS varchar[])) AS e (id, type)
                ON CONFLICT (event_id) DO NOTHING RETURNING event_id""", UUID.class)
                .setParameter("at", Timestamp.from(clock.instant()))
                .setParameter("ids", events.stream().map(IncomingEvent::id).toArray(UUID[]::new))
                .setParameter("types", events.stream().map(IncomingEvent::type).toArray(String[]::new))
                .getResultList();
        Set<UUID> first = new HashSet<>();
        for (Object id : ids) {
            first.add((UUID) id);
        }
        return first;
    }
}
