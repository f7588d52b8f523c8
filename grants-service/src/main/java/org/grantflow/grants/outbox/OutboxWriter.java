package org.grantflow.grants.outbox;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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

    /**
     * @param topic the aggregate's topic
     * @param type the versioned event type, e.g. {@code grantflow.bid.submitted.v1}
     * @param subject the aggregate id: the CloudEvents subject and the Kafka key
     * @param data the payload, serialised with the application's JSON settings
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(String topic, String type, UUID subject, Object data) {
        em.persist(event(topic, type, subject, data));
    }

    /**
     * The event {@link #write} would record, for a caller that inserts it with its own statement in
     * the same transaction.
     */
    public OutboxEvent event(String topic, String type, UUID subject, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
        event.messageKey = subject.toString();
        event.type = type;
        event.createdAt = clock.instant();
        ObjectNode envelope = json.createObjectNode()
                .put("specversion", "1.0")
                .put("id", event.id.toString())
                .put("source", config.source())
                .put("type", type)
                .put("subject", event.messageKey)
                .put("time", event.createdAt.toString())
                .put("datacontenttype", "application/json");
        envelope.set("data", json.valueToTree(data));
        try {
            event.envelope = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise event " + type, e);
        }
        return event;
    }
}
