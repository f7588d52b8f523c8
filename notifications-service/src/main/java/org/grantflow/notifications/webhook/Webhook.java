package org.grantflow.notifications.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A partner organisation's callback URL, and the secret its notifications are signed with. */
@Entity
public class Webhook {

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false, unique = true)
    public String organisationId;

    @Column(nullable = false)
    public String url;

    @Column(nullable = false)
    public String secret;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;
}
