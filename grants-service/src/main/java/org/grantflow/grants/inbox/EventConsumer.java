package org.grantflow.grants.inbox;

import java.time.Duration;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.grantflow.grants.assessment.CommitmentEvents;
import org.grantflow.grants.fund.FundEvents;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Reads funds-service's topics. Records are handled one at a time, in partition order; applying an
 * event is retried with back-off while it fails (the database away, say), and the offset is
 * committed only once the event has been applied.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final FundEvents fundEvents;
    private final CommitmentEvents commitmentEvents;
    private final ObjectMapper json;

    EventConsumer(FundEvents fundEvents, CommitmentEvents commitmentEvents, ObjectMapper json) {
        this.fundEvents = fundEvents;
        this.commitmentEvents = commitmentEvents;
        this.json = json;
    }

    /** Keeps the read model of funds. */
    @Incoming("fund-events")
    public Uni<Void> fundEvent(ConsumerRecord<String, String> record) {
        return consume(record, fundEvents::apply);
    }

    /** The funds side's answers in the award saga. */
    @Incoming("commitment-events")
    public Uni<Void> commitmentEvent(ConsumerRecord<String, String> record) {
        return consume(record, commitmentEvents::apply);
    }

    private Uni<Void> consume(ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
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
            handler.accept(event);
            return (Void) null;
        })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().invoke(e -> LOG.warnf("Event %s failed, will retry: %s", event.id(), e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30)).atMost(30);
    }
}
