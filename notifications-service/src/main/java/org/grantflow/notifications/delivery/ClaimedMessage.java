package org.grantflow.notifications.delivery;

import java.util.UUID;

/** A delivery claimed for sending, with where it goes and what its notification says. */
public record ClaimedMessage(UUID deliveryId, String target, String subject, String body) {
}
