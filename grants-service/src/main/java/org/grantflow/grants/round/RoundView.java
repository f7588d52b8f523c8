package org.grantflow.grants.round;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grantflow.grants.assessment.Criterion;
import org.grantflow.grants.eligibility.RoundRules;

import com.fasterxml.jackson.annotation.JsonFormat;

public record RoundView(
        UUID id,
        UUID fundId,
        String name,
        String financialYear,
        List<String> financialYears,
        Round.Status status,
        Instant opensAt,
        @Schema(description = "The deadline as an instant (UTC)") Instant closesAt,
        @Schema(description = "The deadline in UK local time (Europe/London)") LocalDateTime closesAtUkTime,
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, example = "PT15M", description = "How long after closesAt late bids are still accepted (ISO 8601)")
        Duration gracePeriod,
        @Schema(type = SchemaType.STRING, example = "60000.00") BigDecimal pot,
        LocalDate spendBy,
        RoundRules rules,
        List<Criterion> criteria,
        @Schema(description = "Every rule a bid must pass, in plain words, for portals to show",
                example = "[\"Bids must arrive by 17:00 on Friday 18 November 2016 (UK time).\"]")
        List<String> rulesInWords,
        Instant createdAt,
        long version) {

    public static RoundView of(Round r) {
        return new RoundView(r.id, r.fundId, r.name, r.financialYear, r.financialYears, r.status, r.opensAt,
                r.closesAt, UkTime.toLocal(r.closesAt), r.gracePeriod(), r.pot, r.spendBy, r.rules, r.criteria,
                r.eligibility().inWords(), r.createdAt, r.version);
    }
}
