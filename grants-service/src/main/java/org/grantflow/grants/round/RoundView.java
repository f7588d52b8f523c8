package org.grantflow.grants.round;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grantflow.grants.api.OpenApiConventions;
import org.grantflow.grants.assessment.Criterion;
import org.grantflow.grants.eligibility.RoundRules;
import org.grantflow.grants.eligibility.Words;

import com.fasterxml.jackson.annotation.JsonFormat;

public record RoundView(
        UUID id,
        UUID fundId,
        String name,
        String financialYear,
        List<String> financialYears,
        @Schema(description = "DRAFT (officers only, editable), OPEN (announced) or CLOSED") Round.Status status,
        @Schema(description = "Whether a bid submitted now would be in time") boolean acceptingBids,
        @Schema(description = "When bids may start; empty for a draft that opens when an officer opens it") Instant opensAt,
        @Schema(description = "The last deadline as an instant (UTC)") Instant closesAt,
        @Schema(description = "The last deadline in UK local time (Europe/London)") LocalDateTime closesAtUkTime,
        @Schema(description = "A rolling round takes bids all along and assesses them after each closing date") boolean rolling,
        @Schema(description = "Every closing date in order; one for an ordinary round") List<RoundService.ClosingDate> closingDates,
        @Schema(description = "The closing date a bid submitted now would make; empty once the round has closed")
        RoundService.ClosingDate nextClosingDate,
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, example = "PT15M", description = "How long after closesAt late bids are still accepted (ISO 8601)")
        Duration gracePeriod,
        @Schema(type = SchemaType.STRING, format = OpenApiConventions.DECIMAL, example = "60000.00") BigDecimal pot,
        LocalDate spendBy,
        RoundRules rules,
        List<Criterion> criteria,
        @Schema(description = "Every rule a bid must pass, in plain words, for portals to show",
                example = "[\"Bids must arrive by 17:00 on Friday 18 November 2016 (UK time).\"]")
        List<String> rulesInWords,
        Instant createdAt,
        @Schema(description = "When the round closed, at its deadline or by an officer") Instant closedAt,
        @Schema(description = "Why an officer closed the round early") String closeNote,
        long version) {

    /** The round as it stands at {@code now}. */
    public static RoundView of(Round r, Instant now) {
        RoundService.ClosingDate next = r.status == Round.Status.CLOSED ? null
                : r.nextClosingDate(now).map(RoundService.ClosingDate::of).orElse(null);
        return new RoundView(r.id, r.fundId, r.name, r.financialYear, r.financialYears, r.status,
                r.acceptsBidsAt(now), r.opensAt, r.closesAt, UkTime.toLocal(r.closesAt), r.rolling(),
                r.allClosingDates().stream().map(RoundService.ClosingDate::of).toList(), next, r.gracePeriod(),
                r.pot, r.spendBy, r.rules, r.criteria, inWords(r), r.createdAt, r.closedAt,
                r.closeNote, r.version);
    }

    private static List<String> inWords(Round r) {
        List<String> words = r.eligibility().inWords();
        if (!r.rolling()) {
            return words;
        }
        String dates = String.join("; ", r.closingDates.stream().map(Words::ukMinute).toList());
        return Stream.concat(Stream.of("This is a rolling round: bids are taken all along and assessed after each "
                + "closing date (UK time): " + dates + "."), words.stream()).toList();
    }
}
