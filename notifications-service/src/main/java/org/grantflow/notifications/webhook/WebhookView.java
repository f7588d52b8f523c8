package org.grantflow.notifications.webhook;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A registered webhook. The secret is in the answer to the registration only, never again. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(
        UUID id,
        String organisationId,
        String url,
        @Schema(description = "Shown once, when registering: keep it to verify the Grantflow-Signature header")
        String secret,
        Instant createdAt) {

    static WebhookView withSecret(Webhook w) {
        return new WebhookView(w.id, w.organisationId, w.url, w.secret, w.createdAt);
    }

    static WebhookView of(Webhook w) {
        return new WebhookView(w.id, w.organisationId, w.url, null, w.createdAt);
    }
}
