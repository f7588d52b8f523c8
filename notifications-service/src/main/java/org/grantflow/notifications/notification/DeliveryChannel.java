package org.grantflow.notifications.notification;

import java.util.Collection;

/**
 * A way of delivering notifications to their recipients (webhook, email). A channel only schedules
 * a delivery in the transaction that records the notification; a dispatcher delivers it later, so
 * a slow or failing recipient never holds up the consumption of events.
 */
public interface DeliveryChannel {

    /**
     * Schedules the delivery of a new notification, if this channel reaches its recipient.
     *
     * @return whether a delivery was scheduled
     */
    boolean schedule(Notification notification);

    /**
     * Looks up, in one query, what scheduling deliveries to these organisations in the current
     * transaction will need, so that {@link #schedule} need not ask for each notification.
     */
    default void prepareFor(Collection<String> organisationIds) {
    }
}
