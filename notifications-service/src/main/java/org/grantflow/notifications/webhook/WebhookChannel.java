package org.grantflow.notifications.webhook;

import jakarta.enterprise.context.ApplicationScoped;

import org.grantflow.notifications.delivery.Channel;
import org.grantflow.notifications.delivery.DeliveryService;
import org.grantflow.notifications.notification.Audience;
import org.grantflow.notifications.notification.DeliveryChannel;
import org.grantflow.notifications.notification.Notification;

/** Schedules a webhook delivery for each notification to an organisation that registered one. */
@ApplicationScoped
public class WebhookChannel implements DeliveryChannel {

    private final WebhookRepository webhooks;
    private final DeliveryService deliveries;

    WebhookChannel(WebhookRepository webhooks, DeliveryService deliveries) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
    }

    @Override
    public void schedule(Notification notification) {
        if (notification.audience != Audience.APPLICANT) {
            return;
        }
        webhooks.forOrganisation(notification.organisationId)
                .ifPresent(webhook -> deliveries.schedule(notification, Channel.WEBHOOK, webhook.url));
    }
}
