package org.grantflow.funds.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.hibernate.annotations.Immutable;

/** Money paid against one year of a commitment, or paid back; never changed once recorded. */
@Entity
@Immutable
public class Payment {

    public enum Kind {
        PAYMENT, REPAYMENT
    }

    /** Whether the payment reimburses spending already made (a claim) or pays ahead of it. */
    public enum Timing {
        ARREARS, ADVANCE
    }

    @Id
    public UUID id;

    @Column(name = "commitment_id", nullable = false)
    public UUID commitmentId;

    @Column(name = "fund_id", nullable = false)
    public UUID fundId;

    @Column(name = "organisation_id", nullable = false)
    public String organisationId;

    @Column(name = "financial_year", nullable = false)
    public String financialYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal amount;

    @Column(name = "paid_on", nullable = false)
    public LocalDate paidOn;

    @Column(name = "finance_reference", nullable = false)
    public String financeReference;

    @Column(name = "invoice_reference")
    public String invoiceReference;

    @Enumerated(EnumType.STRING)
    public Timing timing;

    /** A payment dated after its commitment's spend-by date: recorded, but flagged for finance staff. */
    @Column(name = "after_spend_by", nullable = false)
    public boolean afterSpendBy;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
