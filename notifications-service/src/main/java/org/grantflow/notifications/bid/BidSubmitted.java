package org.grantflow.notifications.bid;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.grantflow.notifications.inbox.EventData;
import org.grantflow.notifications.inbox.IncomingEvent;

import io.quarkus.qute.TemplateData;

/** What this service reads of the payload of {@code grantflow.bid.submitted.v1}. */
@TemplateData
public record BidSubmitted(UUID bidId, UUID roundId, String roundName, String organisationId, String title,
        BigDecimal amountRequested, Instant submittedAt, List<String> contactEmails) {

    /** @throws IllegalArgumentException if a field this service needs is missing or unreadable */
    static BidSubmitted from(IncomingEvent event) {
        EventData data = EventData.of(event);
        return new BidSubmitted(data.uuid("bidId"), data.uuid("roundId"), data.text("roundName"),
                data.text("organisationId"), data.text("title"), data.money("amountRequested"),
                data.instant("submittedAt"), data.optionalTexts("contactEmails"));
    }
}
