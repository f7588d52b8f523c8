package org.grantflow.notifications.subscription;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An organisation that asked to hear of a fund's rounds: when one opens and before each closes. */
@Entity
@Table(name = "fund_subscription")
@IdClass(FundSubscription.Key.class)
public class FundSubscription {

    @Id
    @Column(name = "fund_id")
    public UUID fundId;

    @Id
    @Column(name = "organisation_id")
    public String organisationId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    /** The primary key: one subscription per fund and organisation. */
    public static class Key implements Serializable {

        public UUID fundId;
        public String organisationId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(fundId, key.fundId)
                    && Objects.equals(organisationId, key.organisationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(fundId, organisationId);
        }
    }
}
