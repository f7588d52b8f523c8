package org.grantflow.funds.commitment;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grantflow.funds.api.Page;
import org.grantflow.funds.security.Caller;
import org.grantflow.funds.security.Roles;

@Path("/api/v1/commitments")
@Tag(name = "Commitments", description = "Budget reserved for awards, per financial year; made by the award saga")
public class CommitmentResource {

    private final CommitmentService commitments;
    private final Caller caller;

    CommitmentResource(CommitmentService commitments, Caller caller) {
        this.commitments = commitments;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.FINANCE, Roles.ADMIN, Roles.PARTNER })
    @Operation(summary = "List commitments", description = "Newest first; filter by fund and organisation. A partner "
            + "sees only its own organisation's, whatever the filter says.")
    public Page<CommitmentView> list(@QueryParam("fundId") UUID fundId,
            @QueryParam("organisationId") String organisationId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return commitments.list(fundId, organisationId, caller, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.FINANCE, Roles.ADMIN, Roles.PARTNER })
    @Operation(summary = "Read one commitment", description = "With its years: committed, released, paid, remaining.")
    @APIResponse(responseCode = "404", description = "No such commitment, or it belongs to another organisation")
    public CommitmentView get(@PathParam("id") UUID id) {
        return commitments.get(id, caller);
    }

    @POST
    @Path("/{id}/releases")
    @RolesAllowed({ Roles.FINANCE, Roles.ADMIN })
    @Operation(summary = "Release committed money", description = "Gives part or all of one year of a commitment back "
            + "to the fund (award reduced or cancelled, project under budget). Money already paid cannot be released. "
            + "Announced as grantflow.commitment.released.v1.")
    @APIResponse(responseCode = "200", description = "The commitment after the release")
    @APIResponse(responseCode = "404", description = "No such commitment")
    @APIResponse(responseCode = "422", description = "More than is left unpaid and unreleased in that year "
            + "(release-exceeds-commitment), or nothing committed in that year (not-committed-in-year)")
    public CommitmentView release(@PathParam("id") UUID id, @Valid @NotNull ReleaseRequest request) {
        return commitments.release(id, request, caller.name());
    }
}
