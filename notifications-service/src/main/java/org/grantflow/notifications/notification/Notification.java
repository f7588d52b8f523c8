package org.grantflow.notifications.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** A message for one audience of one organisation, made once from one event of another service. */
@Entity
public class Notification {

    /** The longest subject the table holds. */
    public static final int SUBJECT_LENGTH = 300;

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false)
    public String organisationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Audience audience;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationKind kind;

    @Column(length = SUBJECT_LENGTH)
    public String subject;

    public String body;

    @Column(name = "bid_id")
    public UUID bidId;

    @Column(name = "round_id")
    public UUID roundId;

    /** The event this notification was made from. */
    @Column(name = "source_event_id", nullable = false)
    public UUID sourceEventId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
