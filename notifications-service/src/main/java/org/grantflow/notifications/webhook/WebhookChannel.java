package org.grantflow.notifications.webhook;

import java.util.Collection;
import java.util.Optional;

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
    public void prepareFor(Collection<String> organisationIds) {
        webhooks.load(organisationIds);
    }

    @Override
    public boolean schedule(Notification notification) {
        if (notification.audience != Audience.APPLICANT) {
            return false;
        }
        Optional<Webhook> webhook = webhooks.registeredBy(notification.organisationId);
        webhook.ifPresent(w -> deliveries.schedule(notification, Channel.WEBHOOK, w.url));
        return webhook.isPresent();
    }
}
