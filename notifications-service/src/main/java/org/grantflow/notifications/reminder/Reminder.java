package org.grantflow.notifications.reminder;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/**
 * A reminder to one recipient for one occasion (e.g. "round X closes in 7 days"). The pair
 * (occasion, recipient) is unique in the database, so a reminder exists, and is sent, at most once.
 */
@Entity
public class Reminder {

    @Id
    public UUID id;

    /**
     * What the reminder is for: {@code round-closing/<roundId>/<closesAt>/P7D},
     * {@code spend-by/<bidId>/<spendBy>/P30D} or {@code evaluation-due/<bidId>/<projectEndDate>/P0D}.
     */
    @Column(nullable = false)
    public String occasion;

    /** The organisation (or staff team) reminded. */
    @Column(nullable = false)
    public String recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReminderKind kind;

    @Column(name = "round_id")
    public UUID roundId;

    /** The awarded bid a spend-by or evaluation reminder is about. */
    @Column(name = "bid_id")
    public UUID bidId;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReminderStatus status;

    /** Why it was cancelled or missed. */
    public String reason;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** The instance that sent it. */
    @Column(name = "sent_by")
    public String sentBy;

    @Column(name = "notification_id")
    public UUID notificationId;
}
