package org.grantflow.funds.commitment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.grantflow.funds.inbox.IncomingEvent;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Reads {@code grants.bid.events} for award requests, a poll's worth of records at a time, and
 * applies each batch's award requests in one transaction (one commit instead of one per award, which
 * is what lets a hot fund take a thousand awards a second). The topic's other events (drafts,
 * submissions, withdrawals: nearly all of its traffic) are skipped without touching the database;
 * skipping one twice changes nothing either. Should the batch fail, its events are applied one at a
 * time, each in its own transaction, so that one bad award cannot hold up the others. Failures (the
 * database away, say) are retried with back-off; the offsets are committed only once the batch has
 * been applied. Records are applied in partition order.
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
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<IncomingEvent> events = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                IncomingEvent event = IncomingEvent.parse(json, record.value());
                if (AwardRequests.AWARD_REQUESTED.equals(event.type())) {
                    events.add(event);
                }
            } catch (IllegalArgumentException e) {
                // Retrying cannot make it readable; skip it rather than block the partition.
                LOG.errorf("Skipping unreadable record at %s-%d@%d: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> {
            apply(events);
            return (Void) null;
        })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().invoke(e -> LOG.warnf("%d event(s) from %s failed, will retry: %s", events.size(),
                        events.get(0).id(), e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30)).atMost(30);
    }

    private void apply(List<IncomingEvent> events) {
        if (events.size() == 1) {
            awardRequests.apply(events.get(0));
            return;
        }
        try {
            awardRequests.applyAll(events);
        } catch (RuntimeException batchFailed) {
            LOG.warnf("A batch of %d events failed (%s); applying them one at a time", events.size(),
                    batchFailed.getMessage());
            events.forEach(awardRequests::apply);
        }
    }
}
