package org.grantflow.notifications.reminder;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grantflow.notifications.api.Page;
import org.grantflow.notifications.security.Roles;

@Path("/api/v1/reminders")
@Tag(name = "Reminders",
        description = "Reminders scheduled from the rounds' closing dates, the awards' spend-by dates and the "
                + "funded projects' end dates, and those already sent, cancelled or missed. Staff only.")
public class ReminderResource {

    private final ReminderService reminders;

    ReminderResource(ReminderService reminders) {
        this.reminders = reminders;
    }

    @GET
    @RolesAllowed({ Roles.ASSESSOR, Roles.ADMIN, Roles.FINANCE })
    @Operation(summary = "List reminders, soonest due first",
            description = "status=SCHEDULED lists what fires next; status=SENT what was sent, when, by which instance, "
                    + "with its notification.")
    public Page<ReminderView> list(@QueryParam("status") ReminderStatus status, @QueryParam("kind") ReminderKind kind,
            @QueryParam("roundId") UUID roundId, @QueryParam("bidId") UUID bidId,
            @QueryParam("recipient") String recipient,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return reminders.list(new ReminderFilter(status, kind, roundId, bidId, recipient), page, size);
    }
}
