package org.grantflow.notifications.round;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.qute.TemplateData;

/** A round of grants-service as this service learnt of it from round events (read model). */
@Entity
@TemplateData
@Table(name = "known_round")
public class KnownRound {

    @Id
    @Column(name = "round_id")
    public UUID roundId;

    @Column(name = "fund_id", nullable = false)
    public UUID fundId;

    @Column(name = "fund_name", nullable = false)
    public String fundName;

    @Column(nullable = false)
    public String name;

    /** The deadline for bids. */
    @Column(name = "closes_at", nullable = false)
    public Instant closesAt;

    /** The date by which awarded money must be spent, when the round has one. */
    @Column(name = "spend_by")
    public LocalDate spendBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
