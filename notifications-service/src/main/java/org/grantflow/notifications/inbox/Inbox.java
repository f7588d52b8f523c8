package org.grantflow.notifications.inbox;

import java.sql.Timestamp;
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
     * Records a batch of events in one statement.
     *
     * @return the ids seen for the first time; a redelivered event's id is not among them
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstDeliveries(List<IncomingEvent> events) {
        StringJoiner rows = new StringJoiner(", ");
        for (int i = 0; i < events.size(); i++) {
            rows.add("(:id" + i + ", :type" + i + ", :at)");
        }
        Query insert = em.createNativeQuery("INSERT INTO processed_event (event_id, type, processed_at) VALUES "
                + rows + " ON CONFLICT (event_id) DO NOTHING RETURNING event_id", UUID.class)
                .setParameter("at", Timestamp.from(clock.instant()));
        for (int i = 0; i < events.size(); i++) {
            insert.setParameter("id" + i, events.get(i).id()).setParameter("type" + i, events.get(i).type());
        }
        Set<UUID> first = new HashSet<>();
        for (Object id : insert.getResultList()) {
            first.add((UUID) id);
        }
        return first;
    }
}
