package org.grantflow.notifications.delivery;

import java.time.Instant;
import java.util.UUID;

public record DeliveryView(
        UUID id,
        UUID notificationId,
        String organisationId,
        Channel channel,
        String target,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant sentAt,
        Instant createdAt) {

    static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id, d.notificationId, d.organisationId, d.channel, d.target, d.status, d.attempts,
                d.nextAttemptAt, d.lastError, d.sentAt, d.createdAt);
    }
}
