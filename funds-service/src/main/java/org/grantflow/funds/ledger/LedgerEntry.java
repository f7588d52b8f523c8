package org.grantflow.funds.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One movement of money on a fund in a financial year. Entries are only ever appended: a correction
 * is a new entry, never an update, so the ledger is its own history.
 */
@Entity
@Immutable
@Table(name = "ledger_entry")
public class LedgerEntry {

    @Id
    public UUID id;

    @Column(name = "fund_id", nullable = false, updatable = false)
    public UUID fundId;

    @Column(name = "financial_year", nullable = false, updatable = false)
    public String financialYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public LedgerEntryKind kind;

    /** Pounds and pence, scale 2. */
    @Column(nullable = false, updatable = false, precision = 14, scale = 2)
    public BigDecimal amount;

    /** The commitment the entry is about, for commitments, releases, payments and repayments. */
    @Column(name = "commitment_id", updatable = false)
    public UUID commitmentId;

    @Column(updatable = false)
    public String reason;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;
}
