package org.grantflow.notifications.commitment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.grantflow.notifications.inbox.EventData;
import org.grantflow.notifications.inbox.IncomingEvent;

/** What this service reads of the payload of {@code grantflow.commitment.made.v1}. */
record CommitmentMade(UUID commitmentId, UUID bidId, UUID fundId, String organisationId, BigDecimal amount,
        List<YearAmount> profile, Instant committedAt) {

    /** @throws IllegalArgumentException if a field this service needs is missing or unreadable */
    static CommitmentMade from(IncomingEvent event) {
        EventData data = EventData.of(event);
        return new CommitmentMade(data.uuid("commitmentId"), data.uuid("bidId"), data.uuid("fundId"),
                data.optionalText("organisationId"), data.money("amount"), YearAmount.listOf(data.node("profile")),
                data.instant("committedAt"));
    }
}
