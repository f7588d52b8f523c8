package org.grantflow.notifications.subscription;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grantflow.notifications.api.Page;
import org.grantflow.notifications.security.Caller;
import org.grantflow.notifications.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/subscriptions")
@Tag(name = "Subscriptions", description = "An organisation follows a fund: it hears when a round of the fund opens "
        + "and is reminded before each closing date, unless it has already submitted a bid in that round.")
public class SubscriptionResource {

    /** Organisation ids as grants-service makes them: slugs or UUIDs, at most 100 characters. */
    private static final String ORGANISATION = "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$";

    private final SubscriptionService subscriptions;
    private final Caller caller;

    SubscriptionResource(SubscriptionService subscriptions, Caller caller) {
        this.subscriptions = subscriptions;
        this.caller = caller;
    }

    @PUT
    @Path("/{organisationId}/funds/{fundId}")
    @RolesAllowed({ Roles.PARTNER, Roles.ADMIN })
    @Operation(summary = "Subscribe an organisation to a fund",
            description = "A partner subscribes its own organisation; an admin any. Idempotent: subscribing again "
                    + "answers 200 and changes only the contact addresses, if given.")
    @APIResponse(responseCode = "201", description = "Subscribed")
    @APIResponse(responseCode = "200", description = "Already subscribed")
    @APIResponse(responseCode = "403", description = "A partner for another organisation (problem type forbidden)")
    public RestResponse<SubscriptionView> subscribe(@PathParam("organisationId") @Pattern(regexp = ORGANISATION)
            String organisationId, @PathParam("fundId") UUID fundId, @Valid SubscribeRequest request) {
        SubscriptionService.Subscribed result = subscriptions.subscribe(fundId, organisationId, request, caller);
        return RestResponse.status(result.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK,
                result.subscription());
    }

    @DELETE
    @Path("/{organisationId}/funds/{fundId}")
    @RolesAllowed({ Roles.PARTNER, Roles.ADMIN })
    @Operation(summary = "Unsubscribe an organisation from a fund",
            description = "Scheduled reminders that only the subscription brought are cancelled.")
    @APIResponse(responseCode = "204", description = "Unsubscribed")
    @APIResponse(responseCode = "404", description = "Not subscribed")
    public void unsubscribe(@PathParam("organisationId") String organisationId, @PathParam("fundId") UUID fundId) {
        subscriptions.unsubscribe(fundId, organisationId, caller);
    }

    @GET
    @RolesAllowed({ Roles.PARTNER, Roles.ASSESSOR, Roles.ADMIN, Roles.FINANCE })
    @Operation(summary = "List subscriptions, oldest first", description = "Partners see only their own organisation's.")
    public Page<SubscriptionView> list(@QueryParam("fundId") UUID fundId,
            @QueryParam("organisationId") String organisationId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return subscriptions.list(fundId, organisationId, caller, page, size);
    }
}
