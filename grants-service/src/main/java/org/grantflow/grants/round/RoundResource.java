package org.grantflow.grants.round;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grantflow.grants.api.Page;
import org.grantflow.grants.idempotency.IdempotentRequests;
import org.grantflow.grants.bid.BidDetails;
import org.grantflow.grants.bid.BidService;
import org.grantflow.grants.bid.EligibilityReport;
import org.grantflow.grants.security.Caller;
import org.grantflow.grants.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/rounds")
@Tag(name = "Rounds", description = "Time-boxed invitations to bid into a fund")
public class RoundResource {

    private final RoundService rounds;
    private final BidService bids;
    private final Caller caller;

    RoundResource(RoundService rounds, BidService bids, Caller caller) {
        this.rounds = rounds;
        this.bids = bids;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.ASSESSOR, Roles.ADMIN })
    @Operation(summary = "Open a round for bids", description = "Opens now and closes at closesAt, UK local time.")
    @APIResponse(responseCode = "201", description = "The round is open (or, for a repeated Idempotency-Key with the same body, the first answer)")
    @APIResponse(responseCode = "422", description = "Unknown or closed fund, or a closing date in the past")
    public RestResponse<RoundView> open(@Parameter(description = IdempotentRequests.DESCRIPTION, example = "3f0c2a9e-8d41-4b7a-9a63-1c2d3e4f5a6b")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull CreateRoundRequest request) {
        RoundView round = rounds.open(request, caller.name(), idempotencyKey);
        return RestResponse.ResponseBuilder.<RoundView> created(URI.create("/api/v1/rounds/" + round.id())).entity(round).build();
    }

    @GET
    @RolesAllowed({ Roles.PARTNER, Roles.ASSESSOR, Roles.ADMIN, Roles.FINANCE })
    @Operation(summary = "List rounds", description = "Filter by status and fund; ordered by closing date.")
    public Page<RoundView> list(@QueryParam("status") Round.Status status, @QueryParam("fundId") UUID fundId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return rounds.list(status, fundId, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PARTNER, Roles.ASSESSOR, Roles.ADMIN, Roles.FINANCE })
    @Operation(summary = "Read one round", description = "With its rules, and the same rules in plain words (rulesInWords) for portals to show.")
    @APIResponse(responseCode = "404", description = "No such round")
    public RoundView get(@PathParam("id") UUID id) {
        return rounds.get(id);
    }

    @POST
    @Path("/{id}/eligibility-check")
    @RolesAllowed({ Roles.PARTNER, Roles.ASSESSOR, Roles.ADMIN })
    @Operation(summary = "Check a bid against the round's rules without saving anything",
            description = "Evaluates every rule as if the bid were submitted now, for portals to check as the user types. "
                    + "A partner is checked as its own organisation; staff may name one with organisationId.")
    @APIResponse(responseCode = "200", description = "Every rule the bid would fail; empty when eligible")
    @APIResponse(responseCode = "404", description = "No such round")
    public EligibilityReport checkEligibility(@PathParam("id") UUID id,
            @QueryParam("organisationId") String organisationId, @Valid @NotNull BidDetails bid) {
        return bids.check(id, bid, caller, organisationId);
    }
}
