package org.grantflow.notifications.delivery;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grantflow.notifications.api.Page;
import org.grantflow.notifications.security.Caller;
import org.grantflow.notifications.security.Roles;

@Path("/api/v1/deliveries")
@Tag(name = "Deliveries", description = "The delivery state of each notification on each channel (webhook, email).")
public class DeliveryResource {

    private final DeliveryService deliveries;
    private final Caller caller;

    DeliveryResource(DeliveryService deliveries, Caller caller) {
        this.deliveries = deliveries;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.PARTNER, Roles.ASSESSOR, Roles.ADMIN, Roles.FINANCE })
    @Operation(summary = "List deliveries, newest first",
            description = "Filter status=DEAD to find what needs resending. Partners see only their own organisation's.")
    public Page<DeliveryView> list(@QueryParam("status") DeliveryStatus status,
            @QueryParam("channel") Channel channel, @QueryParam("organisationId") String organisationId,
            @QueryParam("notificationId") UUID notificationId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return deliveries.list(status, channel, organisationId, notificationId, caller, page, size);
    }

    @POST
    @Path("/{id}/resend")
    @RolesAllowed({ Roles.ASSESSOR, Roles.ADMIN, Roles.FINANCE })
    @Operation(summary = "Send a dead delivery again", description = "It gets a fresh allowance of attempts.")
    @APIResponse(responseCode = "200", description = "The delivery, pending again")
    @APIResponse(responseCode = "404", description = "No such delivery")
    @APIResponse(responseCode = "409", description = "The delivery is not dead (problem type delivery-not-dead)")
    public DeliveryView resend(@PathParam("id") UUID id) {
        return deliveries.resend(id);
    }
}
