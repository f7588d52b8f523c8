package org.grantflow.funds.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Publishes outbox events to Kafka in the order they were written and marks them published. When
 * the broker is unreachable the events stay in the table and go out on a later run: an outage
 * delays events, it never loses them. A crash between publishing and marking publishes an event
 * again, which consumers absorb because they are idempotent.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** One relay at a time per database, across replicas, so that order is kept. */
    private static final long RELAY_LOCK = 0x6772616e74L;

    private final EntityManager em;
    private final EventPublisher publisher;
    private final OutboxConfig config;
    private final Clock clock;

    OutboxRelay(EntityManager em, EventPublisher publisher, OutboxConfig config, Clock clock) {
        this.em = em;
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${grantflow.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        try {
            int published;
            do {
                published = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (published == config.batchSize());
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay will retry: %s", e.getMessage());
        }
    }

    /** @return how many events were published and marked */
    int publishBatch() {
        Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(:key)")
                .setParameter("key", RELAY_LOCK)
                .getSingleResult();
        if (!locked) {
            return 0;
        }
        List<OutboxEvent> batch = em.createQuery(
                "FROM OutboxEvent WHERE publishedAt IS NULL ORDER BY position", OutboxEvent.class)
                .setMaxResults(config.batchSize())
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            Future<RecordMetadata> send = publisher.send(event.topic, event.messageKey, event.envelope);
            sends.add(send);
            if (failedAlready(send)) {
                break; // the broker is out of reach: the rest would only wait for it too
            }
        }
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        List<Long> acknowledged = new ArrayList<>(sends.size());
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // Mark the acknowledged prefix only; the rest goes again, in order, next time.
                LOG.warnf("Event %s not acknowledged, %d events wait for the broker: %s",
                        batch.get(i).id, batch.size() - i, e.getMessage());
                break;
            }
            acknowledged.add(batch.get(i).position);
        }
        if (!acknowledged.isEmpty()) {
            // By position, not by range: an event written by a transaction still open may hold a lower one.
            em.createQuery("UPDATE OutboxEvent SET publishedAt = :now WHERE position IN :positions")
                    .setParameter("now", clock.instant())
                    .setParameter("positions", acknowledged)
                    .executeUpdate();
        }
        return acknowledged.size();
    }

    private static boolean failedAlready(Future<?> send) {
        if (!send.isDone()) {
            return false;
        }
        try {
            send.get();
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    @Scheduled(cron = "0 17 3 * * ?")
    void purgePublished() {
        QuarkusTransaction.requiringNew().run(() -> em
                .createQuery("DELETE FROM OutboxEvent WHERE publishedAt < :before")
                .setParameter("before", clock.instant().minus(config.keepPublished()))
                .executeUpdate());
    }
}
