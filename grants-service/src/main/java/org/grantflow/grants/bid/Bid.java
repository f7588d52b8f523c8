package org.grantflow.grants.bid;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A request for money in a round, made by one applicant organisation. */
@Entity
public class Bid {

    @Id
    public UUID id;

    @Column(name = "round_id", nullable = false)
    public UUID roundId;

    @Column(name = "organisation_id", nullable = false)
    public String organisationId;

    @Column(nullable = false)
    public String title;

    public String summary;

    @Column(name = "amount_requested", nullable = false, precision = 14, scale = 2)
    public BigDecimal amountRequested;

    @Column(name = "total_project_cost", precision = 14, scale = 2)
    public BigDecimal totalProjectCost;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BidStatus status;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Version
    public long version;
}
