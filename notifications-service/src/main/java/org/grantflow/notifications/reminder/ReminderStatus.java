package org.grantflow.notifications.reminder;

public enum ReminderStatus {
    /** Waiting for its time. */
    SCHEDULED,
    /** Sent, once: its notification is recorded. */
    SENT,
    /** No longer wanted, e.g. the recipient submitted its draft; scheduled again if a new draft appears. */
    CANCELLED,
    /** Its occasion passed before it could be sent (the service was down past the deadline). */
    MISSED
}
