package org.grantflow.grants.bid;

import java.net.URI;
import java.util.List;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grantflow.grants.api.ETags;
import org.grantflow.grants.api.Page;
import org.grantflow.grants.idempotency.IdempotentRequests;
import org.grantflow.grants.problem.DomainException;
import org.grantflow.grants.problem.Problem;
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
    @APIResponse(responseCode = "201", description = "The draft (or, for a repeated Idempotency-Key with the same body, the first answer)")
    @APIResponse(responseCode = "422", description = "Unknown round, or the round does not accept bids")
    public RestResponse<BidView> create(@Parameter(description = IdempotentRequests.DESCRIPTION, example = "3f0c2a9e-8d41-4b7a-9a63-1c2d3e4f5a6b")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull CreateBidRequest request) {
        BidView bid = bids.createDraft(request, caller, idempotencyKey);
        return RestResponse.ResponseBuilder.<BidView> created(URI.create("/api/v1/bids/" + bid.id())).entity(bid).build();
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Submit a draft bid")
    @APIResponse(responseCode = "200", description = "The bid is submitted")
    @APIResponse(responseCode = "409", description = "The bid is not a draft")
    @APIResponse(responseCode = "422", description = "bid-not-eligible: the bid breaks the round's rules; it is kept as INELIGIBLE and every violation is listed. "
            + "round-closed: the deadline (and grace period) has passed; the bid stays a draft.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    example = """
                            {"type": "https://grantflow.example/problems/bid-not-eligible", "title": "Bid is not eligible",
                             "status": 422, "detail": "1 eligibility rule failed", "instance": "/api/v1/bids/1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9/submit",
                             "violations": [{"code": "MINIMUM_AMOUNT", "field": "amountRequested",
                               "message": "The minimum bid for this round is £5,000.00; this bid asks for £4,999.99"}]}"""))
    public BidView submit(@PathParam("id") UUID id) {
        BidView bid = bids.submit(id, caller);
        if (bid.status() == BidStatus.INELIGIBLE) {
            int failed = bid.eligibilityViolations().size();
            throw new DomainException(422, "bid-not-eligible", "Bid is not eligible",
                    failed + (failed == 1 ? " eligibility rule failed" : " eligibility rules failed"),
                    bid.eligibilityViolations());
        }
        return bid;
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Edit a draft bid", description = "Replaces what the applicant wrote. Send the ETag of the "
            + "bid as last read in If-Match; the answer carries the new ETag.")
    @APIResponse(responseCode = "200", description = "The edited draft")
    @APIResponse(responseCode = "409", description = "stale-version: the bid changed since it was read; bid-not-draft: it is no longer a draft")
    @APIResponse(responseCode = "428", description = "if-match-required: no If-Match header")
    public RestResponse<BidView> edit(@PathParam("id") UUID id,
            @Parameter(description = "The ETag of the bid as last read", example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull BidDetails details) {
        return tagged(bids.edit(id, ETags.version(ifMatch), details, caller));
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Withdraw a bid", description = "A draft, submitted or under-assessment bid can be withdrawn.")
    @APIResponse(responseCode = "200", description = "The bid is withdrawn")
    @APIResponse(responseCode = "409", description = "bid-not-withdrawable: a decision is under way or made")
    public BidView withdraw(@PathParam("id") UUID id, @Valid WithdrawBidRequest request) {
        return bids.withdraw(id, request == null ? null : request.reason(), caller);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.PARTNER, Roles.ASSESSOR, Roles.ADMIN, Roles.FINANCE })
    @Operation(summary = "Every status change of a bid", description = "Oldest first: from, to, who, when and why.")
    public List<StatusChangeView> history(@PathParam("id") UUID id) {
        return bids.history(id, caller);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PARTNER, Roles.ASSESSOR, Roles.ADMIN, Roles.FINANCE })
    @Operation(summary = "Read one bid", description = "The ETag header is the bid's version, for If-Match on edits.")
    public RestResponse<BidView> get(@PathParam("id") UUID id) {
        return tagged(bids.get(id, caller));
    }

    private static RestResponse<BidView> tagged(BidView bid) {
        return ETags.ok(bid, bid.version());
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
