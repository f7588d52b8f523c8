package org.grantflow.funds.commitment;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.grantflow.funds.inbox.IncomingEvent;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Reads {@code grants.bid.events} for award requests. Applying an event is retried with back-off
 * while it fails (the database away, say); the offset is committed only once the event has been applied. Records are
 * handled one at a time, in partition order.
 */
@ApplicationScoped
public class AwardRequestConsumer {

    private static final Logger LOG = Logger.getLogger(AwardRequestConsumer.class);

    private final AwardRequests awardRequests;
    private final ObjectMapper json;

    AwardRequestConsumer(AwardRequests awardRequests, ObjectMapper json) {
        this.awardRequests = awardRequests;
        this.json = json;
    }

    @Incoming("bid-events")
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
            awardRequests.apply(event);
            return (Void) null;
        })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().invoke(e -> LOG.warnf("Event %s failed, will retry: %s", event.id(), e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30)).atMost(30);
    }
}
