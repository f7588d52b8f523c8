package org.grantflow.notifications.notification;

/** Who within an organisation a notification is meant for. */
public enum Audience {
    /** The people who bid for money on behalf of the organisation. */
    APPLICANT
}
