package org.grantflow.notifications.commitment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.grantflow.notifications.inbox.EventData;
import org.grantflow.notifications.inbox.IncomingEvent;

import com.fasterxml.jackson.databind.JsonNode;

/** What this service reads of the payload of {@code grantflow.commitment.made.v1}. */
record CommitmentMade(UUID bidId, UUID fundId, String organisationId, BigDecimal amount, List<YearAmount> profile,
        Instant committedAt) {

    /** @throws IllegalArgumentException if a field this service needs is missing or unreadable */
    static CommitmentMade from(IncomingEvent event) {
        EventData data = EventData.of(event);
        List<YearAmount> profile = new ArrayList<>();
        for (JsonNode year : data.node("profile")) {
            profile.add(new YearAmount(year.path("financialYear").asText(),
                    new BigDecimal(year.path("amount").asText())));
        }
        return new CommitmentMade(data.uuid("bidId"), data.uuid("fundId"), data.optionalText("organisationId"),
                data.money("amount"), profile, data.instant("committedAt"));
    }
}
