package org.grantflow.notifications.bid;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.grantflow.notifications.inbox.EventData;
import org.grantflow.notifications.inbox.IncomingEvent;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.TemplateData;

/** What this service reads of the payload of {@code grantflow.bid.ineligible.v1}. */
@TemplateData
public record BidIneligible(UUID bidId, UUID roundId, String roundName, String organisationId, String title,
        BigDecimal amountRequested, List<RuleViolation> violations, Instant submittedAt, List<String> contactEmails) {

    /** @throws IllegalArgumentException if a field this service needs is missing or unreadable */
    static BidIneligible from(IncomingEvent event) {
        EventData data = EventData.of(event);
        List<RuleViolation> violations = new ArrayList<>();
        for (JsonNode violation : data.node("violations")) {
            violations.add(new RuleViolation(violation.path("code").asText(), violation.path("field").asText(),
                    violation.path("message").asText()));
        }
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("'violations' is missing or empty");
        }
        return new BidIneligible(data.uuid("bidId"), data.uuid("roundId"), data.text("roundName"),
                data.text("organisationId"), data.text("title"), data.money("amountRequested"), violations,
                data.instant("submittedAt"), data.optionalTexts("contactEmails"));
    }

    /** A failed eligibility rule, in the words grants-service wrote for people. */
    @TemplateData
    public record RuleViolation(String code, String field, String message) {
    }
}
