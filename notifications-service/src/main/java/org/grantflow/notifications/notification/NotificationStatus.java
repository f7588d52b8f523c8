package org.grantflow.notifications.notification;

/** The state of a notification's deliveries taken together: the worst of them. */
public enum NotificationStatus {
    /** No channel reaches the recipient (no webhook, no address): it is only in the log. */
    RECORDED,
    /** At least one delivery is waiting for its first attempt, none failed. */
    PENDING,
    /** Every delivery was acknowledged. */
    SENT,
    /** A delivery failed and will be tried again. */
    FAILED,
    /** A delivery was given up; staff can resend it. */
    DEAD
}
