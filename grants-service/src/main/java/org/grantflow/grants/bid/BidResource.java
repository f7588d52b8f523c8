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
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grantflow.grants.api.ETags;
import org.grantflow.grants.api.Page;
import org.grantflow.grants.idempotency.IdempotentRequests;
import org.grantflow.grants.problem.DomainException;
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
    @Operation(operationId = "createBid", summary = "Start a draft bid for the caller's organisation")
    @APIResponse(responseCode = "201", description = "The draft (or, for a repeated Idempotency-Key with the same body, the first answer)",
            headers = @Header(name = "Location", description = "The new bid", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BidView.class)))
    @APIResponse(responseCode = "422", description = "unknown-round: no round with that id; "
            + "round-closed: the round's deadline has passed or it is not open")
    public RestResponse<BidView> create(@Parameter(description = IdempotentRequests.DESCRIPTION, example = "3f0c2a9e-8d41-4b7a-9a63-1c2d3e4f5a6b")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull CreateBidRequest request) {
        BidView bid = bids.createDraft(request, caller, idempotencyKey);
        return RestResponse.ResponseBuilder.<BidView> created(URI.create("/api/v1/bids/" + bid.id())).entity(bid).build();
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Roles.PARTNER)
    @Operation(operationId = "submitBid", summary = "Submit a draft bid",
            description = "Checks the bid against every rule of its round. An eligible bid becomes SUBMITTED; an ineligible "
                    + "one is kept as INELIGIBLE and the answer is 422 bid-not-eligible listing every violation.")
    @APIResponse(responseCode = "200", description = "The bid is submitted")
    @APIResponse(responseCode = "409", description = "bid-not-draft: only a draft can be submitted")
    @APIResponse(responseCode = "422", description = "bid-not-eligible: the bid breaks the round's rules; it is kept as INELIGIBLE and every violation is listed. "
            + "round-closed: the deadline (and grace period) has passed; the bid stays a draft.")
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
    @Operation(operationId = "updateBid", summary = "Edit a draft bid", description = "Replaces what the applicant wrote. Send the ETag of the "
            + "bid as last read in If-Match; the answer carries the new ETag.")
    @APIResponse(responseCode = "200", description = "The edited draft", headers = @Header(name = "ETag",
            description = "The bid's new version, for the next If-Match", schema = @Schema(type = SchemaType.STRING, example = "\"4\"")))
    @APIResponse(responseCode = "409", description = "stale-version: the bid changed since it was read; bid-not-draft: it is no longer a draft")
    @APIResponse(responseCode = "428", description = "if-match-required: no If-Match header")
    public RestResponse<BidView> edit(@PathParam("id") UUID id,
            @Parameter(required = true, description = "The ETag of the bid as last read", example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull BidDetails details) {
        return tagged(bids.edit(id, ETags.version(ifMatch), details, caller));
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed(Roles.PARTNER)
    @Operation(operationId = "withdrawBid", summary = "Withdraw a bid", description = "A draft, submitted or under-assessment bid can be withdrawn.")
    @APIResponse(responseCode = "200", description = "The bid is withdrawn")
    @APIResponse(responseCode = "409", description = "bid-not-withdrawable: a decision is under way or made")
    public BidView withdraw(@PathParam("id") UUID id,
            @RequestBody(required = false, description = "Why, if the partner wants to say") @Valid WithdrawBidRequest request) {
        return bids.withdraw(id, request == null ? null : request.reason(), caller);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.PARTNER, Roles.ASSESSOR, Roles.ADMIN, Roles.FINANCE })
    @Operation(operationId = "getBidHistory", summary = "Every status change of a bid", description = "Oldest first: from, to, who, when and why.")
    public List<StatusChangeView> history(@PathParam("id") UUID id) {
        return bids.history(id, caller);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PARTNER, Roles.ASSESSOR, Roles.ADMIN, Roles.FINANCE })
    @Operation(operationId = "getBid", summary = "Read one bid", description = "The ETag header is the bid's version, for If-Match on edits.")
    @APIResponse(responseCode = "200", description = "The bid", headers = @Header(name = "ETag",
            description = "The bid's version, for If-Match", schema = @Schema(type = SchemaType.STRING, example = "\"3\"")))
    public RestResponse<BidView> get(@PathParam("id") UUID id) {
        return tagged(bids.get(id, caller));
    }

    private static RestResponse<BidView> tagged(BidView bid) {
        return ETags.ok(bid, bid.version());
    }

    @GET
    @RolesAllowed({ Roles.PARTNER, Roles.ASSESSOR, Roles.ADMIN, Roles.FINANCE })
    @Operation(operationId = "listBids", summary = "List bids", description = "Partners always get their own organisation's bids only.")
    public Page<BidView> list(@QueryParam("roundId") UUID roundId, @QueryParam("status") BidStatus status,
            @QueryParam("organisationId") String organisationId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return bids.list(roundId, status, organisationId, caller, page, size);
    }
}
