package org.grantflow.grants.bid;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change of a bid's status: the audit trail. Written by the service on every transition, never changed. */
@Entity
@Table(name = "bid_status_change")
public class BidStatusChange {

    /** From the column's default, which {@link BidSubmissions} relies on too when it records a submission. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "bid_id", nullable = false)
    public UUID bidId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public BidStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public BidStatus toStatus;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public String reason;
}
