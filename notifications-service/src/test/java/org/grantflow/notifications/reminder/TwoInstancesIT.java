package org.grantflow.notifications.reminder;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.grantflow.infra.testing.TestInfrastructure;
import org.grantflow.notifications.Fixtures;
import org.grantflow.notifications.ServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged service, each its own JVM, share one database and race for the same
 * due reminders, on the wall clock; one of them is killed (SIGKILL) between the two waves of
 * reminders and started again. Every reminder is sent exactly once.
 */
class TwoInstancesIT {

    private static final Duration STARTUP = Duration.ofMinutes(2);
    private static final int ORGANISATIONS = 60;
    /** The two waves of reminders: 135 s and 45 s before the round closes, exact durations. */
    private static final String OFFSETS = "PT135S,PT45S";

    private final TestInfrastructure infra = TestInfrastructure.get();
    private final String database = infra.freshDatabase("notifications");
    private final Path logs = Path.of("target", "two-instances-it");
    private final List<ServiceProcess> instances = new ArrayList<>();

    @AfterEach
    void stopInstances() {
        instances.forEach(ServiceProcess::close);
    }

    @Test
    void twoInstancesSendEachReminderExactlyOnceAlsoWhenOneIsKilledAndRestarted() throws Exception {
        ServiceProcess first = start("instance-a");
        ServiceProcess second = start("instance-b");
        first.awaitReady(STARTUP);
        second.awaitReady(STARTUP);

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant closesAt = now.plusSeconds(180);
        UUID round = UUID.randomUUID();
        Fixtures.sendRoundEvent(round, Fixtures.roundOpened(UUID.randomUUID(), round, "Raced round", closesAt));
        for (int i = 0; i < ORGANISATIONS; i++) {
            UUID bid = UUID.randomUUID();
            Fixtures.sendBidEvent(bid, Fixtures.bidDrafted(UUID.randomUUID(), bid, round, "org-" + i, "Bid " + i));
        }
        await("both waves scheduled").atMost(Duration.ofSeconds(40)).until(() -> count(
                "SELECT count(*) FROM reminder WHERE status = 'SCHEDULED'") == 2 * ORGANISATIONS);

        // First wave, due 45 s from now: both instances poll every 200 ms and race for it.
        await("first wave sent").atMost(Duration.ofSeconds(90)).until(() -> count(
                "SELECT count(*) FROM reminder WHERE status = 'SENT'") == ORGANISATIONS);
        first.kill();
        instances.remove(first);
        ServiceProcess restarted = start("instance-a-restarted");
        restarted.awaitReady(STARTUP);

        // Second wave, due 135 s from the start, after the restart.
        await("second wave sent").atMost(Duration.ofSeconds(150)).until(() -> count(
                "SELECT count(*) FROM reminder WHERE status = 'SENT'") == 2 * ORGANISATIONS);
        // Give a duplicate every chance to appear: both instances poll on.
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);

        assertEquals(2 * ORGANISATIONS, count("SELECT count(*) FROM notification WHERE kind = 'ROUND_CLOSING'"));
        assertEquals(2 * ORGANISATIONS, count("SELECT count(DISTINCT reminder_id) FROM notification "
                + "WHERE kind = 'ROUND_CLOSING'"));
        assertEquals(0, count("""
                SELECT count(*) FROM (SELECT organisation_id, source_event_id, reminder_id FROM notification
                WHERE kind = 'ROUND_CLOSING' GROUP BY organisation_id, reminder_id, source_event_id
                HAVING count(*) > 1) twice"""));
        assertEquals(0, count("SELECT count(*) FROM reminder r WHERE r.status = 'SENT' AND r.sent_at < r.due_at"),
                "no reminder was sent before it was due");
        Map<String, Long> sentBy = sentBy();
        System.getLogger(TwoInstancesIT.class.getName()).log(System.Logger.Level.INFO,
                "Reminders sent by instance and wave: " + sentBy);
        assertEquals(2L * ORGANISATIONS, sentBy.values().stream().mapToLong(Long::longValue).sum());
        long instancesThatSent = sentBy.keySet().stream().map(k -> k.substring(0, k.indexOf(' '))).distinct().count();
        assertTrue(instancesThatSent >= 2, "more than one instance sent reminders: " + sentBy);
    }

    private ServiceProcess start(String name) {
        Map<String, String> env = ServiceProcess.environment(infra, database);
        env.put("GRANTFLOW_REMINDERS_ROUND_CLOSING", OFFSETS);
        env.put("GRANTFLOW_REMINDERS_POLL_INTERVAL", "PT0.2S");
        env.put("GRANTFLOW_REMINDERS_BATCH_SIZE", "5");
        env.put("GRANTFLOW_REMINDERS_INSTANCE_ID", name);
        ServiceProcess instance = ServiceProcess.start(name, env, logs);
        instances.add(instance);
        return instance;
    }

    /** How many reminders each instance sent, per wave. */
    private Map<String, Long> sentBy() throws SQLException {
        Map<String, Long> sent = new TreeMap<>();
        try (Connection db = infra.postgres().connect(database); Statement query = db.createStatement();
                ResultSet rows = query.executeQuery("""
                        SELECT sent_by || ' ' || substring(occasion from '[^/]+$') AS who, count(*)
                        FROM reminder WHERE status = 'SENT' GROUP BY 1""")) {
            while (rows.next()) {
                sent.put(rows.getString(1), rows.getLong(2));
            }
        }
        return sent;
    }

    private long count(String sql) throws SQLException {
        try (Connection db = infra.postgres().connect(database); Statement query = db.createStatement();
                ResultSet rows = query.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
