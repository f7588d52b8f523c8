package org.grantflow.notifications.reminder;

import java.time.Instant;
import java.util.UUID;

public record ReminderView(
        UUID id,
        String occasion,
        ReminderKind kind,
        String recipient,
        UUID roundId,
        UUID bidId,
        Instant dueAt,
        ReminderStatus status,
        String reason,
        Instant sentAt,
        String sentBy,
        UUID notificationId) {

    static ReminderView of(Reminder r) {
        return new ReminderView(r.id, r.occasion, r.kind, r.recipient, r.roundId, r.bidId, r.dueAt, r.status,
                r.reason, r.sentAt, r.sentBy, r.notificationId);
    }
}
