package org.grantflow.notifications.reminder;

import org.grantflow.notifications.notification.NotificationKind;

/** What a reminder is about. */
public enum ReminderKind {
    /** A closing date of a round is near; to organisations with a draft in it or following its fund. */
    ROUND_CLOSING(NotificationKind.ROUND_CLOSING, "round-closing"),
    /** The round's spend-by date is near and the award is not fully paid. */
    SPEND_BY(NotificationKind.SPEND_BY_DUE, "spend-by-due"),
    /** The funded project ended and the round asks for an evaluation report. */
    EVALUATION_DUE(NotificationKind.EVALUATION_DUE, "evaluation-due");

    private final NotificationKind notification;
    private final String template;

    ReminderKind(NotificationKind notification, String template) {
        this.notification = notification;
        this.template = template;
    }

    public NotificationKind notification() {
        return notification;
    }

    /** The template its notification is written from, and the first part of its occasions. */
    public String template() {
        return template;
    }
}
