package org.grantflow.funds.commitment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The data of {@code grantflow.award.requested.v1}: an officer decided to award a bid. The last three
 * fields are optional: what the bid asked for, the round's spend-by date and the project's end.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AwardRequested(UUID bidId, UUID roundId, String roundName, UUID fundId, String organisationId,
        String organisationName, String title, BigDecimal amount, List<YearAmount> profile, String requestedBy,
        Instant requestedAt, BigDecimal amountRequested, LocalDate spendBy, LocalDate projectEndDate) {

    /** The award's amount in one financial year. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record YearAmount(String financialYear, BigDecimal amount) {
    }
}
