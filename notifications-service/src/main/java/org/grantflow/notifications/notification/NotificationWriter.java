package org.grantflow.notifications.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.grantflow.notifications.delivery.Delivery;

/**
 * The notifications and deliveries the current transaction records, written just before it commits
 * in one JDBC batch per table (sent by the driver as multi-row inserts) on the transaction's own
 * connection. A batch of events records hundreds of them and reads none back: as entities each would
 * cost a persist, a dirty check at every flush of the batch and the machinery of an insert action.
 * Nothing the transaction reads depends on these rows, and no other row refers to them but a
 * delivery to its notification, which is written after it.
 */
@TransactionScoped
public class NotificationWriter {

    private static final String INSERT_NOTIFICATION = """
            INSERT INTO notification (id, organisation_id, audience, kind, subject, body, bid_id, round_id,
                source_event_id, event_type, reminder_id, status, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_DELIVERY = """
            INSERT INTO delivery (id, notification_id, organisation_id, channel, target, status, attempts,
                next_attempt_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    @Inject
    DataSource dataSource;
    @Inject
    TransactionSynchronizationRegistry transactions;

    private final List<Notification> notifications = new ArrayList<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    private boolean registered;

    /** Writes the notification when the transaction commits, as it is then. */
    public void add(Notification notification) {
        whenCommitting();
        notifications.add(notification);
    }

    /** Writes the delivery when the transaction commits, after the notifications. */
    public void add(Delivery delivery) {
        whenCommitting();
        deliveries.add(delivery);
    }

    private void whenCommitting() {
        if (!registered) {
            registered = true;
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    write();
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
        }
    }

    private void write() {
        // Inside the transaction Agroal hands out the connection enlisted in it; closing it here
        // only gives the handle back.
        try (Connection connection = dataSource.getConnection()) {
            insertAll(connection, INSERT_NOTIFICATION, notifications, NotificationWriter::bind);
            insertAll(connection, INSERT_DELIVERY, deliveries, NotificationWriter::bind);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record " + notifications.size() + " notification(s): "
                    + e.getMessage(), e);
        } finally {
            notifications.clear();
            deliveries.clear();
        }
    }

    private static <T> void insertAll(Connection connection, String sql, List<T> rows, Binder<T> binder)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (T row : rows) {
                binder.bind(insert, row);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void bind(PreparedStatement insert, Notification n) throws SQLException {
        insert.setObject(1, n.id, Types.OTHER);
        insert.setString(2, n.organisationId);
        insert.setString(3, n.audience.name());
        insert.setString(4, n.kind.name());
        insert.setString(5, n.subject);
        insert.setString(6, n.body);
        setUuid(insert, 7, n.bidId);
        setUuid(insert, 8, n.roundId);
        setUuid(insert, 9, n.sourceEventId);
        insert.setString(10, n.eventType);
        setUuid(insert, 11, n.reminderId);
        insert.setString(12, n.status.name());
        setInstant(insert, 13, n.createdAt);
    }

    private static void bind(PreparedStatement insert, Delivery d) throws SQLException {
        insert.setObject(1, d.id, Types.OTHER);
        insert.setObject(2, d.notificationId, Types.OTHER);
        insert.setString(3, d.organisationId);
        insert.setString(4, d.channel.name());
        insert.setString(5, d.target);
        insert.setString(6, d.status.name());
        insert.setInt(7, d.attempts);
        setInstant(insert, 8, d.nextAttemptAt);
        setInstant(insert, 9, d.createdAt);
    }

    private static void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
        } else {
            statement.setObject(index, value, Types.OTHER);
        }
    }

    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }

    /** Sets the parameters of one row's insert. */
    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement insert, T row) throws SQLException;
    }
}
