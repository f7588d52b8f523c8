package org.grantflow.notifications.notification;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grantflow.notifications.api.Page;
import org.grantflow.notifications.security.Caller;
import org.grantflow.notifications.security.Roles;

@Path("/api/v1/notifications")
@Tag(name = "Notifications", description = "Messages to applicants and staff about rounds, bids and awards. "
        + "A partner sees only its own organisation's.")
public class NotificationResource {

    private final NotificationService notifications;
    private final Caller caller;

    NotificationResource(NotificationService notifications, Caller caller) {
        this.notifications = notifications;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.PARTNER, Roles.ASSESSOR, Roles.ADMIN, Roles.FINANCE })
    @Operation(summary = "List notifications, newest first",
            description = "Partners always get their own organisation's notifications only. Staff notifications are "
                    + "filed under the team they are for: organisationId=assessors or organisationId=finance. "
                    + "Filters combine: organisation, bid, round, kind, event type and delivery status.")
    public Page<NotificationView> list(@QueryParam("organisationId") String organisationId,
            @QueryParam("bidId") UUID bidId, @QueryParam("roundId") UUID roundId,
            @QueryParam("kind") NotificationKind kind,
            @Parameter(description = "The type of the event it was made from, e.g. grantflow.bid.submitted.v1 or "
                    + "bid.submitted.v1") @QueryParam("eventType") String eventType,
            @Parameter(description = "The state of its deliveries taken together; DEAD finds what needs resending")
            @QueryParam("status") NotificationStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return notifications.list(new NotificationFilter(organisationId, bidId, roundId, kind, eventType, status),
                caller, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PARTNER, Roles.ASSESSOR, Roles.ADMIN, Roles.FINANCE })
    @Operation(summary = "Read one notification")
    @APIResponse(responseCode = "200", description = "The notification")
    @APIResponse(responseCode = "404", description = "No such notification, or another organisation's")
    public NotificationView get(@PathParam("id") UUID id) {
        return notifications.get(id, caller);
    }

    @POST
    @Path("/{id}/resend")
    @RolesAllowed({ Roles.ASSESSOR, Roles.ADMIN, Roles.FINANCE })
    @Operation(summary = "Send a dead notification again",
            description = "Every dead delivery of the notification is tried again, with a fresh allowance of attempts.")
    @APIResponse(responseCode = "200", description = "The notification, pending again")
    @APIResponse(responseCode = "404", description = "No such notification")
    @APIResponse(responseCode = "409", description = "None of its deliveries is dead (problem type notification-not-dead)")
    public NotificationView resend(@PathParam("id") UUID id) {
        return notifications.resend(id, caller);
    }
}
