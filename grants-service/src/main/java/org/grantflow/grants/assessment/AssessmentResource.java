package org.grantflow.grants.assessment;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grantflow.grants.bid.BidView;
import org.grantflow.grants.security.Caller;
import org.grantflow.grants.security.Roles;

@Path("/api/v1/bids/{id}")
@Tag(name = "Assessment", description = "Scoring and deciding bids; refused to partners")
public class AssessmentResource {

    private final AssessmentService assessments;
    private final Caller caller;

    AssessmentResource(AssessmentService assessments, Caller caller) {
        this.assessments = assessments;
        this.caller = caller;
    }

    @POST
    @Path("/assessments")
    @RolesAllowed({ Roles.ASSESSOR, Roles.ADMIN })
    @Operation(operationId = "scoreBid", summary = "Score a bid against the round's weighted criteria",
            description = "Scoring again replaces the caller's earlier scores. The first score puts a submitted bid UNDER_ASSESSMENT.")
    @APIResponse(responseCode = "200", description = "Every assessor's scores and their mean")
    @APIResponse(responseCode = "409", description = "bid-not-under-assessment: only a submitted bid or one under assessment can be scored")
    @APIResponse(responseCode = "422", description = "invalid-scores: a criterion missing, unknown or scored twice")
    public Assessments score(@PathParam("id") UUID id, @Valid @NotNull ScoreBidRequest request) {
        return assessments.score(id, request, caller.name());
    }

    @GET
    @Path("/assessments")
    @RolesAllowed({ Roles.ASSESSOR, Roles.ADMIN })
    @Operation(operationId = "listAssessments", summary = "Every assessor's scores for a bid and their mean")
    public Assessments list(@PathParam("id") UUID id) {
        return assessments.of(id);
    }

    @POST
    @Path("/decision")
    @RolesAllowed({ Roles.ASSESSOR, Roles.ADMIN })
    @Operation(operationId = "decideBid", summary = "Reject a bid or award it",
            description = "REJECT needs a reason and makes the bid REJECTED. AWARD (at most the amount requested, profiled over "
                    + "financial years) makes it AWARD_PENDING and asks funds-service to commit the money; the bid becomes "
                    + "AWARDED when the commitment is made, or returns to UNDER_ASSESSMENT with the reason when refused.")
    @APIResponse(responseCode = "200", description = "The bid after the decision")
    @APIResponse(responseCode = "409", description = "bid-not-under-assessment: only a submitted bid or one under assessment can be decided")
    @APIResponse(responseCode = "422", description = "award-exceeds-request, award-profile-mismatch or reason-required")
    public BidView decide(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest request) {
        return assessments.decide(id, request, caller.name());
    }
}
