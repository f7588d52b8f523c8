package org.grantflow.notifications.notification;

import java.util.UUID;

/** The optional filters of a notification list; absent ones are {@code null}. */
public record NotificationFilter(String organisationId, UUID bidId, UUID roundId, NotificationKind kind,
        String eventType, NotificationStatus status) {
}
