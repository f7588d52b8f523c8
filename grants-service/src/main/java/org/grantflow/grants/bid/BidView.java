package org.grantflow.grants.bid;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record BidView(
        UUID id,
        UUID roundId,
        String organisationId,
        String title,
        String summary,
        BigDecimal amountRequested,
        BigDecimal totalProjectCost,
        BidStatus status,
        Instant createdAt,
        Instant submittedAt,
        long version) {

    static BidView of(Bid b) {
        return new BidView(b.id, b.roundId, b.organisationId, b.title, b.summary, b.amountRequested,
                b.totalProjectCost, b.status, b.createdAt, b.submittedAt, b.version);
    }
}
