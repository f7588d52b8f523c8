package org.grantflow.grants.bid;

import java.net.URI;
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
import org.grantflow.grants.api.Page;
import org.grantflow.grants.security.Caller;
import org.grantflow.grants.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/bids")
@Tag(name = "Bids", description = "Applications for money in a round. A partner sees only its own organisation's bids.")
public class BidResource {

    private final BidService bids;
    private final Caller caller;

    BidResource(BidService bids, Caller caller) {
        this.bids = bids;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Start a draft bid for the caller's organisation")
    @APIResponse(responseCode = "201", description = "The draft")
    @APIResponse(responseCode = "422", description = "Unknown round, or the round does not accept bids")
    public RestResponse<BidView> create(@Valid @NotNull CreateBidRequest request) {
        BidView bid = bids.createDraft(request, caller);
        return RestResponse.ResponseBuilder.<BidView> created(URI.create("/api/v1/bids/" + bid.id())).entity(bid).build();
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Submit a draft bid")
    @APIResponse(responseCode = "200", description = "The bid is submitted")
    @APIResponse(responseCode = "409", description = "The bid is not a draft")
    @APIResponse(responseCode = "422", description = "The round's deadline has passed")
    public BidView submit(@PathParam("id") UUID id) {
        return bids.submit(id, caller);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PARTNER, Roles.ASSESSOR, Roles.ADMIN, Roles.FINANCE })
    @Operation(summary = "Read one bid")
    public BidView get(@PathParam("id") UUID id) {
        return bids.get(id, caller);
    }

    @GET
    @RolesAllowed({ Roles.PARTNER, Roles.ASSESSOR, Roles.ADMIN, Roles.FINANCE })
    @Operation(summary = "List bids", description = "Partners always get their own organisation's bids only.")
    public Page<BidView> list(@QueryParam("roundId") UUID roundId, @QueryParam("status") BidStatus status,
            @QueryParam("organisationId") String organisationId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return bids.list(roundId, status, organisationId, caller, page, size);
    }
}
