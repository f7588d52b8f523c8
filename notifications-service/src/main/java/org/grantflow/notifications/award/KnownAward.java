package org.grantflow.notifications.award;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.qute.TemplateData;

/**
 * An award as this service learnt of it from bid.awarded, commitment.made and commitment.released
 * (read model), for the spend-by and evaluation reminders.
 */
@Entity
@TemplateData
@Table(name = "known_award")
public class KnownAward {

    @Id
    @Column(name = "bid_id")
    public UUID bidId;

    @Column(name = "organisation_id", nullable = false)
    public String organisationId;

    @Column(name = "round_id")
    public UUID roundId;

    @Column(name = "commitment_id")
    public UUID commitmentId;

    public String title;

    /** The money awarded (committed). */
    public BigDecimal amount;

    /** Committed money given back to the fund: it will not be paid. */
    @Column(nullable = false)
    public BigDecimal released;

    @Column(name = "spend_by")
    public LocalDate spendBy;

    @Column(name = "project_end_date")
    public LocalDate projectEndDate;

    @Column(name = "evaluation_required", nullable = false)
    public boolean evaluationRequired;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
