package org.grantflow.funds.commitment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The data of {@code grantflow.award.requested.v1}: an officer decided to award a bid. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AwardRequested(UUID bidId, UUID roundId, String roundName, UUID fundId, String organisationId,
        String organisationName, String title, BigDecimal amount, List<YearAmount> profile, String requestedBy,
        Instant requestedAt) {

    /** The award's amount in one financial year. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record YearAmount(String financialYear, BigDecimal amount) {
    }
}
