package org.grantflow.notifications.bid;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A bid of grants-service as this service learnt of it from bid events (read model). */
@Entity
@Table(name = "known_bid")
public class KnownBid {

    @Id
    @Column(name = "bid_id")
    public UUID bidId;

    @Column(name = "round_id", nullable = false)
    public UUID roundId;

    @Column(name = "organisation_id", nullable = false)
    public String organisationId;

    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BidStatus status;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
