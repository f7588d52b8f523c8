package org.grantflow.notifications.commitment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.grantflow.notifications.inbox.EventData;
import org.grantflow.notifications.inbox.IncomingEvent;

import com.fasterxml.jackson.databind.JsonNode;

/** What this service reads of the payload of {@code grantflow.commitment.refused.v1}. */
record CommitmentRefused(UUID bidId, UUID fundId, String organisationId, BigDecimal amount, String reason,
        List<Shortfall> shortfalls, Instant refusedAt) {

    /** @throws IllegalArgumentException if a field this service needs is missing or unreadable */
    static CommitmentRefused from(IncomingEvent event) {
        EventData data = EventData.of(event);
        List<Shortfall> shortfalls = new ArrayList<>();
        for (JsonNode year : data.node("shortfalls")) {
            shortfalls.add(new Shortfall(year.path("financialYear").asText(),
                    new BigDecimal(year.path("requested").asText()), new BigDecimal(year.path("available").asText())));
        }
        return new CommitmentRefused(data.uuid("bidId"), data.uuid("fundId"), data.optionalText("organisationId"),
                data.money("amount"), data.text("reason"), shortfalls, data.instant("refusedAt"));
    }
}
