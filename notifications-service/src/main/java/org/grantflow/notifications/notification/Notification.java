package org.grantflow.notifications.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/**
 * A message for one recipient, made once from one event of another service or from one reminder
 * falling due. The recipient is an applicant organisation, or a staff team ({@code assessors},
 * {@code finance}) for staff audiences.
 */
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

    /** The event this notification was made from, if made from an event. */
    @Column(name = "source_event_id")
    public UUID sourceEventId;

    /** The type of that event, e.g. {@code grantflow.bid.submitted.v1}. */
    @Column(name = "event_type")
    public String eventType;

    /** The reminder this notification was made from, if made from a reminder. */
    @Column(name = "reminder_id")
    public UUID reminderId;

    /** Its deliveries taken together; kept up to date by the delivery service. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
