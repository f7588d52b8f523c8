package org.grantflow.notifications.notification;

/** What a notification is about; each kind is made from one type of event. */
public enum NotificationKind {
    /** An applicant's bid reached grants-service ({@code grantflow.bid.submitted.v1}). */
    BID_SUBMITTED
}
