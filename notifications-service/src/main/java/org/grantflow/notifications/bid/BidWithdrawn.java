package org.grantflow.notifications.bid;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.grantflow.notifications.inbox.EventData;
import org.grantflow.notifications.inbox.IncomingEvent;

import io.quarkus.qute.TemplateData;

/** What this service reads of the payload of {@code grantflow.bid.withdrawn.v1}. */
@TemplateData
public record BidWithdrawn(UUID bidId, UUID roundId, String roundName, String organisationId, String title,
        Instant withdrawnAt, String reason, List<String> contactEmails) {

    /** @throws IllegalArgumentException if a field this service needs is missing or unreadable */
    static BidWithdrawn from(IncomingEvent event) {
        EventData data = EventData.of(event);
        return new BidWithdrawn(data.uuid("bidId"), data.uuid("roundId"), data.optionalText("roundName"),
                data.text("organisationId"), data.optionalText("title"), data.instant("withdrawnAt"),
                data.optionalText("reason"), data.optionalTexts("contactEmails"));
    }
}
