package org.grantflow.funds.commitment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The payloads funds-service writes to {@code funds.commitment.events}, each keyed by the bid. */
public final class CommitmentEvents {

    public static final String TOPIC = "funds.commitment.events";
    public static final String MADE = "grantflow.commitment.made.v1";
    public static final String REFUSED = "grantflow.commitment.refused.v1";
    public static final String RELEASED = "grantflow.commitment.released.v1";

    private CommitmentEvents() {
    }

    public record Made(UUID commitmentId, UUID bidId, UUID fundId, String organisationId, BigDecimal amount,
            List<AwardRequested.YearAmount> profile, Instant committedAt) {
    }

    public record Refused(UUID bidId, UUID fundId, String organisationId, BigDecimal amount, String reason,
            List<Shortfall> shortfalls, Instant refusedAt) {
    }

    /** A financial year without enough money for the award. */
    public record Shortfall(String financialYear, BigDecimal requested, BigDecimal available) {
    }

    public record Released(UUID commitmentId, UUID bidId, UUID fundId, String organisationId, String financialYear,
            BigDecimal amount, BigDecimal remaining, String reason, String releasedBy, Instant releasedAt) {
    }
}
