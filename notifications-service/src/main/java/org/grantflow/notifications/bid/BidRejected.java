package org.grantflow.notifications.bid;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.grantflow.notifications.inbox.EventData;
import org.grantflow.notifications.inbox.IncomingEvent;

import io.quarkus.qute.TemplateData;

/** What this service reads of the payload of {@code grantflow.bid.rejected.v1}. */
@TemplateData
public record BidRejected(UUID bidId, UUID roundId, String roundName, String organisationId, String title,
        String reason, Instant rejectedAt, List<String> contactEmails) {

    /** @throws IllegalArgumentException if a field this service needs is missing or unreadable */
    static BidRejected from(IncomingEvent event) {
        EventData data = EventData.of(event);
        return new BidRejected(data.uuid("bidId"), data.uuid("roundId"), data.text("roundName"),
                data.text("organisationId"), data.text("title"), data.text("reason"), data.instant("rejectedAt"),
                data.optionalTexts("contactEmails"));
    }
}
