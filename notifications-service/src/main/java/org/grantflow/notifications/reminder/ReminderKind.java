package org.grantflow.notifications.reminder;

/** What a reminder is about. */
public enum ReminderKind {
    /** A round closes soon and the recipient still has a draft in it. */
    ROUND_CLOSING
}
