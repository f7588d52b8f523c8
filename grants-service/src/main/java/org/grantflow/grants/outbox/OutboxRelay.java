package org.grantflow.grants.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes outbox events to Kafka in the order they were written and deletes them once the broker
 * has acknowledged them. One thread relays at a steady pace: batch after batch while the outbox is
 * full, a rest of {@code poll-interval} once it is empty. When the broker is unreachable the events
 * stay in the table and go out on a later run: an outage delays events, it never loses them. A crash
 * between publishing and deleting publishes an event again, which consumers absorb because they are
 * idempotent; for the same reason the deletion need not wait for the disk.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** One relay at a time per database, across replicas, so that order is kept. */
    private static final long RELAY_LOCK = 0x6772616e74L;
    private static final Duration REST_AFTER_FAILURE = Duration.ofSeconds(1);

    private static final String LOCK = """
            SELECT pg_try_advisory_xact_lock(?), set_config('synchronous_commit', 'off', true)""";
    private static final String OLDEST = """
            SELECT position, id, topic, message_key, envelope FROM outbox_event ORDER BY position LIMIT ?""";
    // By position, not by range: an event written by a transaction still open may hold a lower one.
    private static final String DELETE = "DELETE FROM outbox_event WHERE position = ANY (?)";

    private record Row(long position, String id, String topic, String key, String envelope) {
    }

    private final DataSource dataSource;
    private final EventPublisher publisher;
    private final OutboxConfig config;
    private final Thread thread = new Thread(this::relayUntilStopped, "outbox-relay");
    private volatile boolean running = true;

    OutboxRelay(DataSource dataSource, EventPublisher publisher, OutboxConfig config) {
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.config = config;
    }

    void start(@Observes StartupEvent started) {
        thread.setDaemon(true);
        thread.start();
    }

    /** Lets the batch in hand finish, then stops. */
    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        LockSupport.unpark(thread);
        thread.join(config.sendTimeout().toMillis() + TimeUnit.SECONDS.toMillis(5));
    }

    private void relayUntilStopped() {
        while (running) {
            // After a failure (the database away, say) rest longer, so that the log is not flooded.
            Duration rest = relay() ? config.pollInterval() : max(config.pollInterval(), REST_AFTER_FAILURE);
            LockSupport.parkNanos(this, rest.toNanos());
        }
    }

    /**
     * Publishes batches until the outbox holds less than one. The relay's thread calls it after each
     * rest; tests, whose relay rests for an hour, call it to publish what their requests wrote.
     *
     * @return false if a batch failed, to be tried again later
     */
    public boolean relay() {
        try {
            int published;
            do {
                published = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (published == config.batchSize() && running);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay will retry: %s", e.getMessage());
            return false;
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** @return how many events were published and deleted */
    private int publishBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!locked(connection)) {
                return 0;
            }
            List<Row> batch = oldest(connection);
            List<Long> acknowledged = send(batch);
            if (!acknowledged.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                    delete.setArray(1, connection.createArrayOf("bigint", acknowledged.toArray()));
                    delete.executeUpdate();
                }
            }
            return acknowledged.size();
        }
    }

    private static boolean locked(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet row = lock.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private List<Row> oldest(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(OLDEST)) {
            select.setInt(1, config.batchSize());
            List<Row> batch = new ArrayList<>(config.batchSize());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    batch.add(new Row(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5)));
                }
            }
            return batch;
        }
    }

    /** @return the positions of the batch's acknowledged prefix */
    private List<Long> send(List<Row> batch) {
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        for (Row event : batch) {
            Future<RecordMetadata> send = publisher.send(event.topic(), event.key(), event.envelope());
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
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                // Delete the acknowledged prefix only; the rest goes again, in order, next time.
                LOG.warnf("Event %s not acknowledged, %d events wait for the broker: %s",
                        batch.get(i).id(), batch.size() - i, e.getMessage());
                break;
            }
            acknowledged.add(batch.get(i).position());
        }
        return acknowledged;
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
}
