package org.grantflow.notifications.bid;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** What this service reads of the payload of {@code grantflow.bid.submitted.v1}. */
record BidSubmitted(UUID bidId, UUID roundId, String roundName, String organisationId, String title,
        BigDecimal amountRequested, Instant submittedAt) {

    /**
     * @throws IllegalArgumentException if a field this service needs is missing or unreadable
     */
    static BidSubmitted from(JsonNode data) {
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("no data object");
        }
        try {
            return new BidSubmitted(UUID.fromString(text(data, "bidId")), UUID.fromString(text(data, "roundId")),
                    text(data, "roundName"), text(data, "organisationId"), text(data, "title"),
                    new BigDecimal(text(data, "amountRequested")), Instant.parse(text(data, "submittedAt")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is missing or not a string");
        }
        return value.asText();
    }
}
