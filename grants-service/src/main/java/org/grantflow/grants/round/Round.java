package org.grantflow.grants.round;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A time-boxed invitation to bid into one fund. */
@Entity
public class Round {

    public enum Status {
        OPEN, CLOSED
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

    @Column(name = "opens_at", nullable = false)
    public Instant opensAt;

    @Column(name = "closes_at", nullable = false)
    public Instant closesAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    /** Whether a bid may still be submitted at {@code now}: the deadline itself is still in time. */
    public boolean acceptsBidsAt(Instant now) {
        return status == Status.OPEN && !now.isBefore(opensAt) && !now.isAfter(closesAt);
    }
}
