package org.grantflow.grants.round;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grantflow.grants.assessment.Criterion;
import org.grantflow.grants.eligibility.EligibilityEvaluator;
import org.grantflow.grants.eligibility.RoundRules;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A time-boxed invitation to bid into one fund. */
@Entity
public class Round {

    /** DRAFT until an officer opens it (it may be edited until then); CLOSED at its last deadline or by hand. */
    @Schema(name = "RoundStatus", description = "DRAFT (officers only, editable), OPEN (announced) or CLOSED")
    public enum Status {
        DRAFT, OPEN, CLOSED
    }

    @Id
    public UUID id;

    @Column(name = "fund_id", nullable = false)
    public UUID fundId;

    @Column(nullable = false)
    public String name;

    @Column(name = "financial_year", nullable = false)
    public String financialYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** When bids may start; a draft may leave it empty to open whenever an officer opens it. */
    @Column(name = "opens_at")
    public Instant opensAt;

    /** The last deadline: no bid is taken after it (and its grace period). */
    @Column(name = "closes_at", nullable = false)
    public Instant closesAt;

    /**
     * A rolling round's successive closing dates, closesAt the last; bids are taken all along and assessed after
     * each. Empty for an ordinary round.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "closing_dates", nullable = false)
    public List<Instant> closingDates = List.of();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public RoundRules rules = RoundRules.NONE;

    /** The financial years the round's grants may be profiled over. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "financial_years", nullable = false)
    public List<String> financialYears = List.of();

    /** What bids are scored on, with weights. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Criterion> criteria = List.of();

    /** The money available to award in this round, if the round sets one. */
    @Column(precision = 14, scale = 2)
    public BigDecimal pot;

    /** The day by which projects must have spent the money, if the round sets one. */
    @Column(name = "spend_by")
    public LocalDate spendBy;

    @Column(name = "grace_period_seconds", nullable = false)
    public long gracePeriodSeconds;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "close_note")
    public String closeNote;

    @Version
    public long version;

    public boolean rolling() {
        return !closingDates.isEmpty();
    }

    /** Every closing date in order: a rolling round's successive ones, or the single closesAt. */
    public List<Instant> allClosingDates() {
        return rolling() ? closingDates : List.of(closesAt);
    }

    /** The first closing date that bids arriving at {@code now} still make, grace included; empty once all passed. */
    public Optional<Instant> nextClosingDate(Instant now) {
        return allClosingDates().stream().filter(d -> !now.isAfter(d.plus(gracePeriod()))).findFirst();
    }

    public Duration gracePeriod() {
        return Duration.ofSeconds(gracePeriodSeconds);
    }

    /** Whether a bid may still be submitted at {@code now}: the deadline itself, and the grace after it, are in time. */
    public boolean acceptsBidsAt(Instant now) {
        return RoundTerms.of(this).acceptsBidsAt(now);
    }

    /** The round's eligibility rules, deadline and spend-by date included. */
    public EligibilityEvaluator eligibility() {
        return EligibilityEvaluator.forRound(name, closesAt, gracePeriod(), spendBy, rules);
    }
}
