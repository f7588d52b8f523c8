package org.grantflow.grants.round;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grantflow.grants.api.OpenApiConventions;
import org.grantflow.grants.assessment.Criterion;
import org.grantflow.grants.eligibility.RoundRules;

/** What an officer writes when drafting or editing a round; times are UK local times (Europe/London). */
public record RoundRequest(
        @NotNull @Schema(description = "The fund the round awards from", example = "6f1c0d1e-3b7a-4c55-9a59-2f2b1f0d6c11")
        UUID fundId,
        @NotBlank @Size(max = 200) @Schema(example = "Community Safety Grant 2017/18")
        String name,
        @NotNull @Pattern(regexp = FinancialYear.PATTERN, message = "must be a financial year such as 2017/18")
        @Schema(example = "2017/18")
        String financialYear,
        @Schema(description = "When bids may start, in UK local time; leave out to take bids as soon as the round is opened",
                example = "2016-10-03T09:00:00")
        LocalDateTime opensAt,
        @NotNull @Schema(description = "The (last) closing date and time in UK local time (Europe/London)", example = "2016-11-30T17:00:00")
        LocalDateTime closesAt,
        @Size(max = 52)
        @Schema(description = "For a rolling round: the successive closing dates before closesAt, in UK local time. "
                + "Bids are taken all along and assessed after each closing date. Leave out for an ordinary round.",
                example = "[\"2019-04-10T17:00:00\", \"2019-07-10T17:00:00\"]")
        List<@NotNull LocalDateTime> closingDates,
        @Size(max = 10)
        @Schema(description = "The financial years grants may be profiled over; defaults to financialYear",
                example = "[\"2017/18\", \"2018/19\", \"2019/20\"]")
        List<@NotNull @Pattern(regexp = FinancialYear.PATTERN, message = "must be a financial year such as 2017/18") String> financialYears,
        @DecimalMin("0.01") @Digits(integer = 12, fraction = 2)
        @Schema(type = SchemaType.STRING, format = OpenApiConventions.DECIMAL, example = "60000.00", description = "The money available in this round")
        BigDecimal pot,
        @Schema(description = "Projects must end and spend the money by this day", example = "2017-03-31")
        LocalDate spendBy,
        @Schema(type = SchemaType.STRING, description = "How long after closesAt late bids are still accepted (ISO 8601)",
                example = "PT15M")
        Duration gracePeriod,
        @Valid @Schema(description = "The eligibility rules; leave out for none")
        RoundRules rules,
        @Size(max = 20) @Schema(description = "What assessors score bids on, with weights")
        List<@NotNull @Valid Criterion> criteria) {
}
