package org.grantflow.notifications.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.grantflow.infra.testing.TestInfrastructure;
import org.grantflow.notifications.Fixtures;
import org.grantflow.notifications.ServiceProcess;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Measures notifications-service from the outside: the packaged service runs as a process against a
 * KRaft broker started here and a fresh database; this program publishes {@code bid.submitted}
 * events (the documented example, each for a new bid) at a fixed rate and reads the notification
 * log back.
 * <ol>
 * <li>warm-up, not reported: events at {@code rate} per second for {@code warm-up} seconds, so that
 * the service's JIT compilers have done most of their work before it is measured;</li>
 * <li>throughput: events at {@code rate} per second for {@code seconds}; the consumed rate is the
 * notifications recorded per second of the run until the backlog is gone (also the rate while
 * events were being published, and the backlog, events published but not yet recorded, each
 * second);</li>
 * <li>latency: events at 100 per second; for each, the time from just before publishing to its
 * notification's {@code created_at} (set in the consuming transaction, before its commit) and to
 * the moment a reader polling every 10 ms first sees the committed row.</li>
 * </ol>
 * Run it with {@code deploy/bench/notifications-events.sh}; the figures go to standard output.
 */
public final class EventsBenchmark {

    /** The benchmark's report, one line per message. */
    private static final Logger REPORT = Logger.getLogger("notifications-bench");
    private static final int ORGANISATIONS = 500;

    private final TestInfrastructure infra = TestInfrastructure.get();
    private final String database = infra.freshDatabase("notifications_bench");
    private final KafkaProducer<String, String> producer;
    private final ObjectNode template;
    private final UUID round = UUID.randomUUID();
    private PreparedStatement counting;

    private EventsBenchmark() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.broker().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 1), new StringSerializer(), new StringSerializer());
        try {
            template = (ObjectNode) new ObjectMapper().readTree(
                    Fixtures.bidSubmitted(UUID.randomUUID(), UUID.randomUUID(), round, "bench-org", "Bench bid"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int latencyRate = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int latencySeconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        int warmUpSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        new EventsBenchmark().run(rate, seconds, latencyRate, latencySeconds, warmUpSeconds);
        System.exit(0);
    }

    private void run(int rate, int seconds, int latencyRate, int latencySeconds, int warmUpSeconds)
            throws Exception {
        Map<String, String> env = ServiceProcess.environment(infra, database);
        // The mock mailer stands in for an SMTP server; its log of every mail is not the service's work.
        // Its logger is named "quarkus-mailer", a name no environment variable spelling reaches (the
        // dash); SmallRye Config also reads a variable named exactly as the property.
        env.put("quarkus.log.category.\"quarkus-mailer\".level", "WARN");
        env.putAll(System.getenv().entrySet().stream().filter(e -> e.getKey().startsWith("BENCH_SERVICE_"))
                .collect(HashMap::new, (m, e) -> m.put(e.getKey().substring("BENCH_SERVICE_".length()),
                        e.getValue()), HashMap::putAll));
        try (ServiceProcess service = ServiceProcess.start("notifications-bench", env,
                Path.of("target", "bench"))) {
            service.awaitReady(Duration.ofMinutes(3));
            Fixtures.sendRoundEvent(round, Fixtures.roundOpened(UUID.randomUUID(), round, "Benchmark round",
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(60))));
            print("warm-up: %d events/s for %d s", rate, warmUpSeconds);
            Instant warmUp = Instant.now();
            publish(rate, rate * warmUpSeconds, null);
            awaitRecorded(warmUp, (long) rate * warmUpSeconds, Duration.ofMinutes(10));

            print("throughput: %d events/s for %d s", rate, seconds);
            Instant start = Instant.now();
            Map<UUID, Instant> sentAt = new ConcurrentHashMap<>();
            List<Long> backlogEachSecond = Collections.synchronizedList(new ArrayList<>());
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> backlogEachSecond.add(sentAt.size() - recordedSince(start)), 1, 1,
                    TimeUnit.SECONDS);
            publish(rate, rate * seconds, sentAt);
            Instant published = Instant.now();
            sampler.shutdownNow();
            sampler.awaitTermination(10, TimeUnit.SECONDS);
            long recordedWhilePublishing = recordedSince(start);
            List<Long> backlog = new ArrayList<>();
            Instant drained = awaitRecorded(start, (long) rate * seconds, Duration.ofMinutes(10), backlog);
            double consumed = (double) rate * seconds / Duration.between(start, drained).toMillis() * 1000;
            print("  published %d in %.1f s (%.0f/s); all recorded after %.1f s: %.0f notifications/s; "
                    + "largest backlog %d, %.1f s after publishing ended",
                    rate * seconds, secondsBetween(start, published), rate * seconds / secondsBetween(start, published),
                    secondsBetween(start, drained), consumed, Collections.max(backlog),
                    secondsBetween(published, drained));
            print("  while publishing: %.0f notifications/s recorded; backlog %d when publishing ended; "
                    + "each second at most %d, every fifth second %s",
                    recordedWhilePublishing / secondsBetween(start, published),
                    (long) rate * seconds - recordedWhilePublishing, Collections.max(backlogEachSecond),
                    everyFifth(backlogEachSecond));
            report("  latency at " + rate + "/s", latencies(sentAt));

            print("latency: %d events/s for %d s", latencyRate, latencySeconds);
            Map<UUID, Instant> seen = new ConcurrentHashMap<>();
            Thread reader = watch(seen);
            Map<UUID, Instant> slowSentAt = new ConcurrentHashMap<>();
            Instant slowStart = Instant.now();
            publish(latencyRate, latencyRate * latencySeconds, slowSentAt);
            awaitRecorded(slowStart, (long) latencyRate * latencySeconds, Duration.ofMinutes(5));
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            reader.interrupt();
            reader.join();
            report("  publish -> created_at", latencies(slowSentAt));
            List<Double> visible = new ArrayList<>();
            slowSentAt.forEach((id, sent) -> {
                Instant at = seen.get(id);
                if (at != null) {
                    visible.add(Duration.between(sent, at).toNanos() / 1e6);
                }
            });
            report("  publish -> visible (10 ms polling)", visible);
        } finally {
            producer.close();
            if (counting != null) {
                counting.getConnection().close();
            }
        }
    }

    /** Publishes {@code count} events at {@code rate} per second, each for a new bid. */
    private void publish(int rate, int count, Map<UUID, Instant> sentAt) {
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            UUID event = UUID.randomUUID();
            UUID bid = UUID.randomUUID();
            String organisation = "bench-org-" + (i % ORGANISATIONS);
            ObjectNode copy = template.deepCopy();
            copy.put("id", event.toString()).put("subject", bid.toString());
            ObjectNode data = Fixtures.data(copy).put("bidId", bid.toString()).put("organisationId", organisation);
            data.putArray("contactEmails").add("bids@" + organisation + ".example");
            String json = copy.toString();
            ProducerRecord<String, String> record = new ProducerRecord<>(Fixtures.BID_TOPIC, bid.toString(), json);
            record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8"
                    .getBytes(StandardCharsets.UTF_8));
            if (sentAt != null) {
                sentAt.put(event, Instant.now());
            }
            producer.send(record);
        }
        producer.flush();
    }

    /** A reader that notes when each notification first becomes visible, polling every 10 ms. */
    private Thread watch(Map<UUID, Instant> seen) {
        Thread reader = new Thread(() -> {
            // By event type and time, which an index answers: a scan of the whole log every 10 ms
            // would load the database more than the service does.
            try (Connection db = infra.postgres().connect(database); PreparedStatement query = db.prepareStatement(
                    "SELECT source_event_id, created_at FROM notification WHERE event_type = ? AND created_at > ?")) {
                query.setString(1, Fixtures.BID_SUBMITTED);
                Timestamp last = Timestamp.from(Instant.now().minusSeconds(1));
                while (!Thread.currentThread().isInterrupted()) {
                    query.setTimestamp(2, last);
                    try (ResultSet rows = query.executeQuery()) {
                        Instant now = Instant.now();
                        while (rows.next()) {
                            seen.putIfAbsent(UUID.fromString(rows.getString(1)), now);
                        }
                    }
                    // rows committed late may carry an earlier created_at: look back a second
                    last = Timestamp.from(Instant.now().minusSeconds(1));
                    LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, "bench-reader");
        reader.start();
        return reader;
    }

    private List<Double> latencies(Map<UUID, Instant> sentAt) throws SQLException {
        List<Double> millis = new ArrayList<>();
        try (Connection db = infra.postgres().connect(database); PreparedStatement query = db.prepareStatement(
                "SELECT source_event_id, created_at FROM notification WHERE source_event_id IS NOT NULL");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                Instant sent = sentAt.get(UUID.fromString(rows.getString(1)));
                if (sent != null) {
                    millis.add(Duration.between(sent, rows.getTimestamp(2).toInstant()).toNanos() / 1e6);
                }
            }
        }
        return millis;
    }

    private Instant awaitRecorded(Instant since, long expected, Duration patience) {
        return awaitRecorded(since, expected, patience, new ArrayList<>());
    }

    /**
     * Waits until {@code expected} notifications of events published since then are recorded,
     * noting the backlog every 100 ms.
     */
    private Instant awaitRecorded(Instant since, long expected, Duration patience, List<Long> backlog) {
        Instant deadline = Instant.now().plus(patience);
        long recorded;
        while ((recorded = recordedSince(since)) < expected) {
            backlog.add(expected - recorded);
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Only " + recorded + " of " + expected + " notifications recorded");
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        backlog.add(0L);
        return Instant.now();
    }

    /**
     * The notifications of {@code bid.submitted} events recorded since then (each is created after its
     * event was published). By event type and time, which an index answers, on one connection: a
     * count of the whole log on a new connection every 100 ms cost the database more the longer the
     * log grew, on the cores the service was clearing its backlog with.
     */
    private synchronized long recordedSince(Instant since) {
        try {
            if (counting == null) {
                counting = infra.postgres().connect(database).prepareStatement(
                        "SELECT count(*) FROM notification WHERE event_type = ? AND created_at >= ?");
            }
            counting.setString(1, Fixtures.BID_SUBMITTED);
            counting.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rows = counting.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> everyFifth(List<Long> values) {
        List<Long> fifths = new ArrayList<>();
        for (int i = 4; i < values.size(); i += 5) {
            fifths.add(values.get(i));
        }
        return fifths;
    }

    private static void report(String what, List<Double> millis) {
        Collections.sort(millis);
        if (millis.isEmpty()) {
            print("%s: no samples", what);
            return;
        }
        print("%s: %d samples, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms", what, millis.size(),
                percentile(millis, 50), percentile(millis, 90), percentile(millis, 99), millis.get(millis.size() - 1));
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double secondsBetween(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static void print(String format, Object... args) {
        REPORT.info(String.format(Locale.ROOT, format, args));
    }
}
