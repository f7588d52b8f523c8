package org.grantflow.notifications.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner's callback URL. The organisation comes from the token, never from the body. */
public record RegisterWebhookRequest(
        @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        @Schema(example = "https://portal.district-council-01.example/grantflow/notifications")
        String url) {
}
