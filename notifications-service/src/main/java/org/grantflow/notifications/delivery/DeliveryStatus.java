package org.grantflow.notifications.delivery;

public enum DeliveryStatus {
    /** Not tried yet. */
    PENDING,
    /** Delivered: the recipient acknowledged it. */
    SENT,
    /** The last attempt failed; it is tried again at {@code nextAttemptAt}. */
    FAILED,
    /** Given up after the last allowed attempt; staff can resend it. */
    DEAD
}
