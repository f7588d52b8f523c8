package org.grantflow.notifications.subscription;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The optional body of a subscription: where the organisation's email goes, if not yet known from its bids. */
public record SubscribeRequest(
        @Schema(description = "Replaces the organisation's contact addresses for email; omit to keep those its bids carry")
        @Size(max = 20) List<@NotBlank @Email String> contactEmails) {
}
