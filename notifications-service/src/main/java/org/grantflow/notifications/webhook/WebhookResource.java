package org.grantflow.notifications.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grantflow.notifications.problem.DomainException;
import org.grantflow.notifications.security.Caller;
import org.grantflow.notifications.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "A partner portal's callback URL: each notification to the organisation is "
        + "POSTed to it as JSON, signed with HMAC-SHA256 (headers Grantflow-Signature and Grantflow-Timestamp).")
public class WebhookResource {

    private final WebhookService webhooks;
    private final Caller caller;

    WebhookResource(WebhookService webhooks, Caller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Register the organisation's callback URL",
            description = "Answers the signing secret, once. Registering again replaces the URL and the secret.")
    @APIResponse(responseCode = "201", description = "Registered; the answer holds the secret")
    @APIResponse(responseCode = "400", description = "Not an http(s) URL")
    public RestResponse<WebhookView> register(@Valid @NotNull RegisterWebhookRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, webhooks.register(request, caller));
    }

    @GET
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "The organisation's registered callback URL, without its secret")
    @APIResponse(responseCode = "404", description = "None registered")
    public WebhookView mine() {
        return webhooks.mine(caller).orElseThrow(() -> DomainException.notFound("webhook for", caller.organisationId()));
    }
}
