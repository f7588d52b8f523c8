package org.grantflow.funds.commitment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** Budget reserved for one award (one bid), profiled over financial years in its {@link CommitmentLine}s. */
@Entity
public class Commitment {

    @Id
    public UUID id;

    /** The awarded bid; one commitment per bid, enforced by a unique constraint. */
    @Column(name = "bid_id", nullable = false, updatable = false, unique = true)
    public UUID bidId;

    @Column(name = "fund_id", nullable = false, updatable = false)
    public UUID fundId;

    @Column(name = "round_id", updatable = false)
    public UUID roundId;

    @Column(name = "round_name", updatable = false)
    public String roundName;

    @Column(name = "organisation_id", nullable = false, updatable = false)
    public String organisationId;

    @Column(name = "organisation_name", updatable = false)
    public String organisationName;

    @Column(updatable = false)
    public String title;

    /** The whole award as committed; releases and payments are on the lines. */
    @Column(nullable = false, updatable = false, precision = 14, scale = 2)
    public BigDecimal amount;

    /** What the bid asked for, when the award request said (360Giving amountAppliedFor). */
    @Column(name = "amount_requested", updatable = false, precision = 14, scale = 2)
    public BigDecimal amountRequested;

    /** The round's spend-by date: payments dated after it are recorded but flagged. */
    @Column(name = "spend_by", updatable = false)
    public LocalDate spendBy;

    @Column(name = "project_end_date", updatable = false)
    public LocalDate projectEndDate;

    @Column(name = "requested_by", nullable = false, updatable = false)
    public String requestedBy;

    @Column(name = "committed_at", nullable = false, updatable = false)
    public Instant committedAt;

    @Version
    public long version;

    /** Whether a payment made on this day is after the spend-by date. */
    public boolean afterSpendBy(LocalDate paidOn) {
        return spendBy != null && paidOn.isAfter(spendBy);
    }
}
