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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grantflow.grants.api.ETags;
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
    @Operation(operationId = "createRound", summary = "Draft a round", description = "The round is a DRAFT, seen by officers only and editable "
            + "until it is opened with POST /api/v1/rounds/{id}/open. Times are UK local times (Europe/London).")
    @APIResponse(responseCode = "201", description = "The draft (or, for a repeated Idempotency-Key with the same body, the first answer)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundView.class)),
            headers = { @Header(name = "Location", description = "The new round", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "The round's version, for If-Match", schema = @Schema(type = SchemaType.STRING, example = "\"0\"")) })
    @APIResponse(responseCode = "422", description = "unknown-fund, fund-closed or invalid-round (a closing date in the past, "
            + "closing dates out of order, a malformed financial year)")
    public RestResponse<RoundView> draft(@Parameter(description = IdempotentRequests.DESCRIPTION, example = "3f0c2a9e-8d41-4b7a-9a63-1c2d3e4f5a6b")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull RoundRequest request) {
        RoundView round = rounds.draft(request, caller.name(), idempotencyKey);
        return RestResponse.ResponseBuilder.<RoundView> created(URI.create("/api/v1/rounds/" + round.id())).entity(round)
                .header("ETag", ETags.of(round.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.ASSESSOR, Roles.ADMIN })
    @Operation(operationId = "updateRound", summary = "Edit a draft round", description = "Replaces the draft's terms. Send the ETag of the round "
            + "as last read in If-Match. Once opened, a round's terms are fixed.")
    @APIResponse(responseCode = "200", description = "The edited draft", headers = @Header(name = "ETag", description = "The round's version, for If-Match", schema = @Schema(type = SchemaType.STRING, example = "\"1\"")))
    @APIResponse(responseCode = "404", description = "not-found: no such round")
    @APIResponse(responseCode = "409", description = "stale-version: the round changed since it was read; round-not-draft: it has opened")
    @APIResponse(responseCode = "422", description = "invalid-round, unknown-fund or fund-closed")
    @APIResponse(responseCode = "428", description = "if-match-required: no If-Match header")
    public RestResponse<RoundView> edit(@PathParam("id") UUID id,
            @Parameter(required = true, description = "The ETag of the round as last read", example = "\"0\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull RoundRequest request) {
        return tagged(rounds.edit(id, ETags.version(ifMatch), request));
    }

    @POST
    @Path("/{id}/open")
    @RolesAllowed({ Roles.ASSESSOR, Roles.ADMIN })
    @Operation(operationId = "openRound", summary = "Open a draft round", description = "Announces the round (event round.opened) and takes bids "
            + "from its opensAt, or from now if it names none. Opening an open round again answers it unchanged.")
    @APIResponse(responseCode = "200", description = "The open round", headers = @Header(name = "ETag", description = "The round's version, for If-Match", schema = @Schema(type = SchemaType.STRING, example = "\"1\"")))
    @APIResponse(responseCode = "404", description = "not-found: no such round")
    @APIResponse(responseCode = "409", description = "round-closed: a closed round cannot open again")
    @APIResponse(responseCode = "422", description = "closing-date-passed: the closing date has passed; fund-closed: the fund has closed meanwhile")
    public RestResponse<RoundView> open(@PathParam("id") UUID id) {
        return tagged(rounds.open(id));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({ Roles.ASSESSOR, Roles.ADMIN })
    @Operation(operationId = "closeRound", summary = "Close an open round early", description = "No more bids are taken (event round.closed). "
            + "Rounds also close by themselves when their last deadline and grace period have passed. "
            + "Closing a closed round again answers it unchanged.")
    @APIResponse(responseCode = "200", description = "The closed round", headers = @Header(name = "ETag", description = "The round's version, for If-Match", schema = @Schema(type = SchemaType.STRING, example = "\"1\"")))
    @APIResponse(responseCode = "404", description = "not-found: no such round")
    @APIResponse(responseCode = "409", description = "round-not-open: a draft cannot be closed")
    public RestResponse<RoundView> close(@PathParam("id") UUID id,
            @RequestBody(required = false, description = "Why the round closes early") @Valid CloseRoundRequest request) {
        return tagged(rounds.close(id, caller.name(), request == null ? null : request.note()));
    }

    @GET
    @RolesAllowed({ Roles.PARTNER, Roles.ASSESSOR, Roles.ADMIN, Roles.FINANCE })
    @Operation(operationId = "listRounds", summary = "List rounds", description = "Filter by status and fund; ordered by closing date. "
            + "Partners see open and closed rounds, never drafts.")
    public Page<RoundView> list(@QueryParam("status") Round.Status status, @QueryParam("fundId") UUID fundId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return rounds.list(status, fundId, caller, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PARTNER, Roles.ASSESSOR, Roles.ADMIN, Roles.FINANCE })
    @Operation(operationId = "getRound", summary = "Read one round", description = "With its rules, and the same rules in plain words (rulesInWords) for portals to show.")
    @APIResponse(responseCode = "200", description = "The round", headers = @Header(name = "ETag", description = "The round's version, for If-Match", schema = @Schema(type = SchemaType.STRING, example = "\"1\"")))
    @APIResponse(responseCode = "404", description = "not-found: no such round (a partner gets 404 for a draft too)")
    public RestResponse<RoundView> get(@PathParam("id") UUID id) {
        return tagged(rounds.get(id, caller));
    }

    private static RestResponse<RoundView> tagged(RoundView round) {
        return ETags.ok(round, round.version());
    }

    @POST
    @Path("/{id}/eligibility-check")
    @RolesAllowed({ Roles.PARTNER, Roles.ASSESSOR, Roles.ADMIN })
    @Operation(operationId = "checkRoundEligibility", summary = "Check a bid against the round's rules without saving anything",
            description = "Evaluates every rule as if the bid were submitted now, for portals to check as the user types. "
                    + "A partner is checked as its own organisation; staff may name one with organisationId.")
    @APIResponse(responseCode = "200", description = "Every rule the bid would fail; empty when eligible")
    @APIResponse(responseCode = "404", description = "not-found: no such round")
    public EligibilityReport checkEligibility(@PathParam("id") UUID id,
            @QueryParam("organisationId") String organisationId, @Valid @NotNull BidDetails bid) {
        return bids.check(id, bid, caller, organisationId);
    }
}
