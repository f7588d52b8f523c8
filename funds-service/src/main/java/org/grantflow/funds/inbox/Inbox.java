package org.grantflow.funds.inbox;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * Remembers every event this service has consumed. Called in the same transaction as the event's
 * effect, so the effect and the record commit together or not at all.
 */
@ApplicationScoped
public class Inbox {

    /** Events per statement: three parameters each, well within PostgreSQL's limit of 32,767. */
    private static final int CHUNK = 1000;

    private final EntityManager em;
    private final Clock clock;

    Inbox(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** @return {@code true} the first time an event id is seen, {@code false} for a redelivery */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(IncomingEvent event) {
        return firstDeliveries(List.of(event)).contains(event.id());
    }

    /**
     * Records a batch of events in one statement.
     *
     * @return the ids seen for the first time; an id given twice in the batch is first seen once
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstDeliveries(List<IncomingEvent> events) {
        Set<UUID> first = new HashSet<>();
        for (int from = 0; from < events.size(); from += CHUNK) {
            first.addAll(record(events.subList(from, Math.min(events.size(), from + CHUNK))));
        }
        return first;
    }

    private Set<UUID> record(List<IncomingEvent> events) {
        Set<UUID> first = new HashSet<>();
        StringJoiner values = new StringJoiner(", ");
        for (int i = 0; i < events.size(); i++) {
            values.add("(:id" + i + ", :type" + i + ", :at)");
        }
        Query insert = em.createNativeQuery("INSERT INTO processed_event (event_id, type, processed_at) VALUES "
                + values + " ON CONFLICT (event_id) DO NOTHING RETURNING event_id");
        for (int i = 0; i < events.size(); i++) {
            insert.setParameter("id" + i, events.get(i).id()).setParameter("type" + i, events.get(i).type());
        }
        insert.setParameter("at", clock.instant());
        for (Object id : insert.getResultList()) {
            first.add((UUID) id);
        }
        return first;
    }
}
