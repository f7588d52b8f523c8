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

    /** The deadline for bids; for a rolling round, the next closing date when it opened. */
    @Column(name = "closes_at", nullable = false)
    public Instant closesAt;

    /** The date by which awarded money must be spent, when the round has one. */
    @Column(name = "spend_by")
    public LocalDate spendBy;

    /** A rolling round takes bids continuously, assessed at each of its closing dates. */
    @Column(nullable = false)
    public boolean rolling;

    @Column(name = "grace_period_seconds", nullable = false)
    public int gracePeriodSeconds;

    /** When it stopped taking bids (round.closed); no reminder is sent after. */
    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
