package org.grantflow.notifications.inbox;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Reads the topics of the other services. Applying an event is retried with back-off while it
 * fails (the database away, say); the offset is committed only once the event has been applied.
 * Records are handled one at a time, in partition order. Only the local database is touched here:
 * deliveries to recipients happen later, so a slow recipient never holds up consumption.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final Events events;
    private final ObjectMapper json;

    EventConsumer(Events events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    @Incoming("bid-events")
    public Uni<Void> bidEvent(ConsumerRecord<String, String> record) {
        return consume(record);
    }

    @Incoming("round-events")
    public Uni<Void> roundEvent(ConsumerRecord<String, String> record) {
        return consume(record);
    }

    @Incoming("commitment-events")
    public Uni<Void> commitmentEvent(ConsumerRecord<String, String> record) {
        return consume(record);
    }

    @Incoming("fund-events")
    public Uni<Void> fundEvent(ConsumerRecord<String, String> record) {
        return consume(record);
    }

    private Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event;
        try {
            event = IncomingEvent.parse(json, record.value());
        } catch (IllegalArgumentException e) {
            // Retrying cannot make it readable; skip it rather than block the partition.
            LOG.errorf("Skipping unreadable record at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> {
            events.apply(event);
            return (Void) null;
        })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().invoke(e -> LOG.warnf("Event %s failed, will retry: %s", event.id(), e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30)).atMost(30);
    }
}
