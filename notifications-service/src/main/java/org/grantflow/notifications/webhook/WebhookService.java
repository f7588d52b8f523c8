package org.grantflow.notifications.webhook;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.grantflow.notifications.security.Caller;

@ApplicationScoped
public class WebhookService {

    private final WebhookRepository webhooks;
    private final Clock clock;

    WebhookService(WebhookRepository webhooks, Clock clock) {
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /**
     * Registers the caller's organisation's callback URL with a new secret; registering again
     * replaces the URL and the secret.
     */
    @Transactional
    public WebhookView register(RegisterWebhookRequest request, Caller caller) {
        String organisation = caller.organisationId();
        Webhook webhook = webhooks.forOrganisation(organisation).orElse(null);
        boolean known = webhook != null;
        if (!known) {
            webhook = new Webhook();
            webhook.id = UUID.randomUUID();
            webhook.organisationId = organisation;
        }
        webhook.url = request.url();
        webhook.secret = WebhookSignature.newSecret();
        webhook.createdAt = clock.instant();
        webhook.createdBy = caller.name();
        if (!known) {
            webhooks.persist(webhook);
        }
        return WebhookView.withSecret(webhook);
    }

    @Transactional
    public java.util.Optional<WebhookView> mine(Caller caller) {
        return webhooks.forOrganisation(caller.organisationId()).map(WebhookView::of);
    }
}
