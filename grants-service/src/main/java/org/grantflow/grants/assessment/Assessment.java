package org.grantflow.grants.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One assessor's scores for one bid. */
@Entity
public class Assessment {

    @Id
    public UUID id;

    @Column(name = "bid_id", nullable = false)
    public UUID bidId;

    @Column(nullable = false)
    public String assessor;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<CriterionScore> scores = new ArrayList<>();

    @Column(name = "weighted_score", nullable = false, precision = 5, scale = 2)
    public BigDecimal weightedScore;

    public String comment;

    @Column(name = "assessed_at", nullable = false)
    public Instant assessedAt;

    @Version
    public long version;
}
