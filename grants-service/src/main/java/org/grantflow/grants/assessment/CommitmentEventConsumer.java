package org.grantflow.grants.assessment;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.grantflow.grants.inbox.IncomingEvent;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Reads {@code funds.commitment.events}, one record at a time in partition order, retrying with
 * back-off while applying fails; the offset is committed only once the event has been applied.
 */
@ApplicationScoped
public class CommitmentEventConsumer {

    private static final Logger LOG = Logger.getLogger(CommitmentEventConsumer.class);

    private final CommitmentEvents commitmentEvents;
    private final ObjectMapper json;

    CommitmentEventConsumer(CommitmentEvents commitmentEvents, ObjectMapper json) {
        this.commitmentEvents = commitmentEvents;
        this.json = json;
    }

    @Incoming("commitment-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
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
            commitmentEvents.apply(event);
            return (Void) null;
        })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().invoke(e -> LOG.warnf("Event %s failed, will retry: %s", event.id(), e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30)).atMost(30);
    }
}
