package org.grantflow.funds.commitment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A commitment's share of one financial year. Its CHECK constraints keep what is paid (net of
 * repayments) within what is committed and not released.
 */
@Entity
@Table(name = "commitment_line")
public class CommitmentLine {

    @Id
    public UUID id;

    @Column(name = "commitment_id", nullable = false, updatable = false)
    public UUID commitmentId;

    @Column(name = "financial_year", nullable = false, updatable = false)
    public String financialYear;

    @Column(nullable = false, updatable = false, precision = 14, scale = 2)
    public BigDecimal committed;

    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal released;

    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal paid;

    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal repaid;

    /** The day of the latest payment (not repayment) from this year. */
    @Column(name = "last_paid_on")
    public LocalDate lastPaidOn;

    /** Payments from this year dated after the commitment's spend-by date (gross of repayments). */
    @Column(name = "paid_after_spend_by", nullable = false, precision = 14, scale = 2)
    public BigDecimal paidAfterSpendBy;

    @Version
    public long version;

    /** What can still be paid or released: committed - released - (paid - repaid). */
    public BigDecimal remaining() {
        return committed.subtract(released).subtract(paid).add(repaid);
    }
}
