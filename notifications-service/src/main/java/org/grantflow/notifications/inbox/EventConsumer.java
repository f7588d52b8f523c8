package org.grantflow.notifications.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Reads the topics of the other services, a poll's batch of records at a time (in partition order),
 * applied in one transaction. Applying is retried with back-off while it fails (the database away,
 * say); the offsets are committed only once the batch has been applied. Only the local database is
 * touched here: deliveries to recipients happen later, so a slow recipient never holds up
 * consumption.
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
    public Uni<Void> bidEvents(ConsumerRecords<String, String> records) {
        return consume(records);
    }

    @Incoming("round-events")
    public Uni<Void> roundEvents(ConsumerRecords<String, String> records) {
        return consume(records);
    }

    @Incoming("commitment-events")
    public Uni<Void> commitmentEvents(ConsumerRecords<String, String> records) {
        return consume(records);
    }

    @Incoming("fund-events")
    public Uni<Void> fundEvents(ConsumerRecords<String, String> records) {
        return consume(records);
    }

    private Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<IncomingEvent> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                batch.add(IncomingEvent.parse(json, record.value()));
            } catch (IllegalArgumentException e) {
                // Retrying cannot make it readable; skip it rather than block the partition.
                LOG.errorf("Skipping unreadable record at %s-%d@%d: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> {
            apply(batch);
            return (Void) null;
        })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().invoke(e -> LOG.warnf("A batch of %d events failed, will retry: %s", batch.size(),
                        e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30)).atMost(30);
    }

    /**
     * Applies the batch in one transaction; if that fails, one event at a time, so that an event that
     * cannot be applied holds back only itself and what follows it (and is retried), not what came
     * before it. Events already applied are absorbed by the inbox when the batch is tried again.
     */
    private void apply(List<IncomingEvent> batch) {
        if (batch.size() > 1) {
            try {
                events.applyAll(batch);
                return;
            } catch (RuntimeException e) {
                LOG.infof("A batch of %d events failed (%s); applying them one at a time", batch.size(),
                        e.getMessage());
            }
        }
        for (IncomingEvent event : batch) {
            events.applyAll(List.of(event));
        }
    }
}
