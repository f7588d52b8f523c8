package org.grantflow.funds.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Records an event in the outbox as part of the caller's transaction: the event exists if and only
 * if the change it describes was committed.
 */
@ApplicationScoped
public class OutboxWriter {

    /** Events per statement: six parameters each, well within PostgreSQL's limit of 32,767. */
    private static final int CHUNK = 500;

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final OutboxConfig config;

    OutboxWriter(EntityManager em, ObjectMapper json, Clock clock, OutboxConfig config) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    /** An event to record: see {@link #write}. */
    public record Pending(String topic, String type, UUID subject, Object data) {
    }

    /**
     * @param topic the aggregate's topic
     * @param type the versioned event type, e.g. {@code grantflow.bid.submitted.v1}
     * @param subject the aggregate id: the CloudEvents subject and the Kafka key
     * @param data the payload, serialised with the application's JSON settings
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(String topic, String type, UUID subject, Object data) {
        writeAll(List.of(new Pending(topic, type, subject, data)));
    }

    /**
     * Records the events with as few statements as it can (a batch of awards makes hundreds), in
     * list order: their positions, and so the order they are published in, follow the list.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeAll(List<Pending> events) {
        for (int from = 0; from < events.size(); from += CHUNK) {
            insert(events.subList(from, Math.min(events.size(), from + CHUNK)));
        }
    }

    private void insert(List<Pending> events) {
        StringJoiner values = new StringJoiner(", ");
        for (int i = 0; i < events.size(); i++) {
            values.add("(:id" + i + ", :topic" + i + ", :key" + i + ", :type" + i + ", :envelope" + i + ", :at)");
        }
        Query insert = em.createNativeQuery("INSERT INTO outbox_event (id, topic, message_key, type, envelope, "
                + "created_at) VALUES " + values);
        Instant now = clock.instant();
        for (int i = 0; i < events.size(); i++) {
            Pending event = events.get(i);
            UUID id = UUID.randomUUID();
            insert.setParameter("id" + i, id)
                    .setParameter("topic" + i, event.topic())
                    .setParameter("key" + i, event.subject().toString())
                    .setParameter("type" + i, event.type())
                    .setParameter("envelope" + i, envelope(id, event, now));
        }
        insert.setParameter("at", now);
        insert.executeUpdate();
    }

    private String envelope(UUID id, Pending event, Instant time) {
        ObjectNode envelope = json.createObjectNode()
                .put("specversion", "1.0")
                .put("id", id.toString())
                .put("source", config.source())
                .put("type", event.type())
                .put("subject", event.subject().toString())
                .put("time", time.toString())
                .put("datacontenttype", "application/json");
        envelope.set("data", json.valueToTree(event.data()));
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise event " + event.type(), e);
        }
    }
}
