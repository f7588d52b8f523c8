package org.grantflow.notifications.reminder;

import java.util.UUID;

/** The optional filters of a reminder list; absent ones are {@code null}. */
public record ReminderFilter(ReminderStatus status, ReminderKind kind, UUID roundId, UUID bidId, String recipient) {
}
