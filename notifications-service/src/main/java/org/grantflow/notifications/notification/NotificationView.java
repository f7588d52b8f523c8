package org.grantflow.notifications.notification;

import java.time.Instant;
import java.util.UUID;

public record NotificationView(
        UUID id,
        String organisationId,
        Audience audience,
        NotificationKind kind,
        String subject,
        String body,
        UUID bidId,
        UUID roundId,
        String eventType,
        NotificationStatus status,
        Instant createdAt) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.organisationId, n.audience, n.kind, n.subject, n.body, n.bidId,
                n.roundId, n.eventType, n.status, n.createdAt);
    }
}
