package org.grantflow.notifications.delivery;

/** How a notification reaches its recipient. */
public enum Channel {
    /** A signed HTTP POST to the organisation's registered callback URL. */
    WEBHOOK,
    /** An email through SMTP to the addresses configured for a staff team. */
    EMAIL
}
