package org.grantflow.funds.fund;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A pot of money grants are awarded from. Its budgets live in the ledger. */
@Entity
public class Fund {

    public enum Status {
        OPEN, CLOSED
    }

    @Id
    public UUID id;

    /** Short, unique, upper-case reference finance officers use, e.g. {@code RSF}. */
    @Column(nullable = false, unique = true, updatable = false)
    public String code;

    /**
     * The finance system's cost centre for the fund, if it has one: unique, and no other fund's code,
     * so that a statement line naming either finds one fund.
     */
    @Column(name = "cost_centre_code", unique = true)
    public String costCentreCode;

    @Column(nullable = false)
    public String name;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "funding_source", nullable = false)
    public FundingSource fundingSource;

    /** Whether the money may only be spent on the fund's stated purpose. */
    @Column(name = "ring_fenced", nullable = false)
    public boolean ringFenced;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
