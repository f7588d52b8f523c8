package org.grantflow.grants.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grantflow.infra.testing.TestKafka;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The relay publishes what was committed, in order, then deletes it; what was rolled back never leaves. */
@QuarkusTest
class OutboxRelayTest {

    private static final String TOPIC = "grants.relay-test.events";

    @Inject
    OutboxRelay relay;
    @Inject
    OutboxWriter outbox;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    @Test
    void publishesCommittedEventsInTheOrderWrittenAndDeletesThem() throws Exception {
        UUID subject = UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.write(TOPIC, "grantflow.test.rolled-back.v1", subject, Map.of("n", 0));
            throw new IllegalStateException("the change is rolled back, and its event with it");
        }));
        QuarkusTransaction.requiringNew().run(() -> {
            for (int n = 1; n <= 3; n++) {
                outbox.write(TOPIC, "grantflow.test.written.v1", subject, Map.of("n", n));
            }
        });
        assertEquals(3, outboxed(subject));

        // Relays until they are gone (a run that finds another relay at work publishes nothing).
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            relay.relay();
            return outboxed(subject) == 0;
        });

        // One key, one partition: the first records under this key are the committed three, in order.
        List<ConsumerRecord<String, String>> published = new ArrayList<>();
        TestKafka.find(TOPIC, record -> subject.toString().equals(record.key()) && published.add(record)
                && published.size() == 3, Duration.ofSeconds(30));
        assertEquals(3, published.size());
        for (int n = 1; n <= 3; n++) {
            ConsumerRecord<String, String> record = published.get(n - 1);
            JsonNode envelope = json.readTree(record.value());
            assertEquals("grantflow.test.written.v1", envelope.get("type").asText());
            assertEquals(n, envelope.get("data").get("n").asInt());
            assertEquals("application/cloudevents+json; charset=UTF-8",
                    new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));
        }
    }

    private long outboxed(UUID subject) {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createQuery("SELECT count(*) FROM OutboxEvent WHERE messageKey = :key", Long.class)
                .setParameter("key", subject.toString()).getSingleResult());
    }
}
